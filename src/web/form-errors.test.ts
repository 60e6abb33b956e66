import { describe, expect, it } from 'vitest';
import { formErrors } from './render.ts';

describe('form errors', () => {
  it('shows every problem of a field beside it, in the order of the summary', () => {
    const errors = [
      { field: 'mapping', message: 'lsoaVintage: give "2011" or "2021"' },
      { field: 'name', message: 'Give the dataset a name' },
      { field: 'mapping', message: 'colums is not a mapping setting' },
    ];
    expect(formErrors(errors)).toEqual({
      errors,
      fieldErrors: {
        mapping: 'lsoaVintage: give "2011" or "2021". colums is not a mapping setting',
        name: 'Give the dataset a name',
      },
    });
  });
});

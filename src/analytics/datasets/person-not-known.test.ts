import { describe, expect, it } from 'vitest';
import { importStore } from '../../../test/import-store.ts';
import { literal } from '../sql-text.ts';
import { personValuesIn } from './person-values.ts';

// Each range the search reads on its own is tested with a file holding one word for not known that
// only that range can find, among identifiers none of the ranges holds.
describe('person identifiers written as not known', () => {
  const { store, pathOf } = importStore('parity-person-not-known-');

  const fileWith = async (name: string, ids: (string | null)[]): Promise<string> => {
    const file = pathOf(`${name}.parquet`);
    const values = ids.map((id) => `(${id === null ? 'NULL' : literal(id)})`).join(', ');
    await store().query(
      `COPY (SELECT id FROM (VALUES ${values}) t(id)) TO ${literal(file)} (FORMAT parquet)`,
    );
    return file;
  };
  const others = ['SYN000000001', 'P17', 'a3f9', 'NKX1', 'U2', 'n1', 'Nota', 'unknowns', '', null];

  it.each([
    ['capitals', 'UNKNOWN'],
    ['a capital first', 'Not recorded'],
    ['small letters', 'n/k'],
    ['a space first', ' Unknown'],
    ['a no-break space first', '\u00a0not known'],
  ])('finds one written in %s', async (name, word) => {
    const file = await fileWith(name.replaceAll(' ', '-'), [...others, word, 'SYN000000002']);
    expect(await personValuesIn(store(), file, 'id')).toEqual({ errorValues: false, notKnown: true });
  });

  it('finds none among identifiers that only start like a word for not known', async () => {
    const file = await fileWith('none', others);
    expect(await personValuesIn(store(), file, 'id')).toEqual({ errorValues: false, notKnown: false });
    expect(await personValuesIn(store(), file, undefined)).toEqual({});
  });
});

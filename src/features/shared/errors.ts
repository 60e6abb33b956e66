export interface FieldError {
  field: string;
  message: string;
}

/** A request a person can correct: shown in the error summary, next to each field named. */
export class FormError extends Error {
  override readonly name = 'FormError';
  constructor(readonly errors: FieldError[]) {
    super(errors.map((e) => e.message).join('; '));
  }
}

export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
}

export class ForbiddenError extends Error {
  override readonly name = 'ForbiddenError';
}

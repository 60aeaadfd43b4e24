import type { CairnError } from './contract.ts';

/** An expected failure with a code the UI can act on and a message a person can read. */
export class CairnFailure extends Error {
  readonly code: CairnError['code'];
  /** Field-level problems (`field: message`), for a form to show beside its fields. */
  readonly issues: string[] | undefined;

  constructor(code: CairnError['code'], message: string, issues?: string[]) {
    super(message);
    this.name = 'CairnFailure';
    this.code = code;
    this.issues = issues;
  }

  toJSON(): CairnError {
    return {
      code: this.code,
      message: this.message,
      ...(this.issues ? { issues: this.issues } : {}),
    };
  }
}

import type { CairnError } from './contract.ts';

/** An expected failure with a code the UI can act on and a message a person can read. */
export class CairnFailure extends Error {
  readonly code: CairnError['code'];

  constructor(code: CairnError['code'], message: string) {
    super(message);
    this.name = 'CairnFailure';
    this.code = code;
  }

  toJSON(): CairnError {
    return { code: this.code, message: this.message };
  }
}

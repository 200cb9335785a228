/** An RFC 9457 problem the API answered with (see ProblemResponse in the OpenAPI document). */
export interface ProblemBody {
  readonly type?: string;
  readonly title?: string;
  readonly status?: number;
  readonly code?: string;
  readonly detail?: string;
  readonly errors?: readonly { field: string; rule: string; message: string }[];
  readonly details?: Readonly<Record<string, unknown>>;
  readonly currentVersion?: number;
}

export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly body: ProblemBody,
  ) {
    super(body.detail ?? body.title ?? `HTTP ${status}`);
    this.name = 'ApiProblem';
  }

  /** Messages per field the API named: each 400 entry, or a 422's `details.field`. */
  fieldErrors(): Record<string, string> {
    const errors: Record<string, string> = {};
    for (const entry of this.body.errors ?? []) errors[entry.field] = errors[entry.field] ? `${errors[entry.field]}; ${entry.message}` : entry.message;
    const field = this.body.details?.field;
    if (typeof field === 'string' && !errors[field]) errors[field] = this.message;
    return errors;
  }
}

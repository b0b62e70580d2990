// The one error type the sessions client throws. The UI reads `kind`/`status` to choose what to
// show (sign-in prompt, "try again", field hints) and `message` to show it; it never parses bodies.

export type ApiErrorKind = 'http' | 'network' | 'timeout' | 'decode';

export interface ApiFieldError {
  fieldName: string;
  errorCode: string;
  message: string;
}

export interface ApiErrorInit {
  kind: ApiErrorKind;
  /** HTTP status; 0 when no response arrived (network failure, timeout). */
  status: number;
  message: string;
  errorCode?: string;
  fieldErrors?: ApiFieldError[];
  cause?: unknown;
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly kind: ApiErrorKind;
  readonly status: number;
  readonly errorCode: string | undefined;
  readonly fieldErrors: ApiFieldError[];

  constructor(init: ApiErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = init.kind;
    this.status = init.status;
    this.errorCode = init.errorCode;
    this.fieldErrors = init.fieldErrors ?? [];
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

/** What to tell a person when the server gave no message of its own. */
export function genericMessage(status: number): string {
  if (status === 400) return 'The server did not accept this search (400).';
  if (status === 401) return 'You are not signed in, or your sign-in has expired (401).';
  if (status === 403) return 'You do not have access to these sessions (403).';
  if (status === 404) return 'Not found (404).';
  if (status === 408 || status === 504) return `The server took too long to answer (${status}).`;
  if (status === 429) return 'Too many requests; wait a moment and try again (429).';
  if (status >= 500) return `The server had a problem (${status}); try again in a moment.`;
  return `The request failed (${status}).`;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * An ApiError from a non-2xx response. `body` is the raw text: ServiceStack's
 * `{responseStatus: {errorCode, message, errors: [...]}}` when it is one, anything else (an HTML
 * 502 page from a proxy, an empty body) yields the generic message for the status.
 */
export function apiErrorFromResponse(status: number, body: string): ApiError {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    json = undefined;
  }
  // ServiceStack sends camelCase here, but PascalCase when JSON casing is configured that way.
  const rs = isRecord(json) ? (json.responseStatus ?? json.ResponseStatus) : undefined;
  if (!isRecord(rs)) return new ApiError({ kind: 'http', status, message: genericMessage(status) });
  const errors = Array.isArray(rs.errors) ? rs.errors : Array.isArray(rs.Errors) ? rs.Errors : [];
  const fieldErrors: ApiFieldError[] = errors.filter(isRecord).map((e) => ({
    fieldName: str(e.fieldName ?? e.FieldName) ?? '',
    errorCode: str(e.errorCode ?? e.ErrorCode) ?? '',
    message: str(e.message ?? e.Message) ?? '',
  }));
  return new ApiError({
    kind: 'http',
    status,
    errorCode: str(rs.errorCode ?? rs.ErrorCode),
    message:
      str(rs.message ?? rs.Message) ?? fieldErrors.find((e) => e.message)?.message ?? genericMessage(status),
    fieldErrors,
  });
}

/**
 * React Query `retry`: a 4xx is an answer (retrying cannot change it), a decode error will decode the
 * same way again, and a timed-out query is likely heavy, so retrying would only add load. Network
 * failures and 5xx get at most two more tries. `failureCount` is 0 at the first failure.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (!isApiError(error)) return false;
  const transient = error.kind === 'network' || (error.kind === 'http' && error.status >= 500);
  return transient && failureCount < 2;
}

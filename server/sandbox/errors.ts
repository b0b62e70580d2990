// ServiceStack ErrorResponse bodies, the one error shape the sandbox answers with.
import type { WireErrorResponse, WireResponseError } from '../../src/sessions/api/session-types';

export class FieldError extends Error {
  constructor(
    readonly fieldName: string,
    readonly errorCode: string,
    message: string,
  ) {
    super(message);
  }
}

export function errorBody(
  errorCode: string,
  message: string,
  errors: WireResponseError[] = [],
): WireErrorResponse {
  return { responseStatus: { errorCode, message, errors } };
}

export function fieldErrorBody(error: FieldError): WireErrorResponse {
  return errorBody(error.errorCode, error.message, [
    { errorCode: error.errorCode, fieldName: error.fieldName, message: error.message },
  ]);
}

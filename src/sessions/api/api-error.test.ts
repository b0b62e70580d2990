import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApiError, apiErrorFromResponse, isApiError, shouldRetry } from './api-error';

describe('apiErrorFromResponse', () => {
  it('reads ServiceStack responseStatus with field errors', () => {
    const e = apiErrorFromResponse(
      400,
      JSON.stringify({
        responseStatus: {
          errorCode: 'ArgumentException',
          message: 'StartDate must not be after EndDate',
          stackTrace: '...',
          errors: [
            {
              errorCode: 'ArgumentException',
              fieldName: 'StartDate',
              message: 'StartDate must not be after EndDate',
            },
            'junk',
            { fieldName: 'EndDate' },
          ],
        },
      }),
    );
    expect(e).toBeInstanceOf(ApiError);
    expect(e).toBeInstanceOf(Error);
    expect(e).toMatchObject({
      name: 'ApiError',
      kind: 'http',
      status: 400,
      errorCode: 'ArgumentException',
      message: 'StartDate must not be after EndDate',
      fieldErrors: [
        {
          fieldName: 'StartDate',
          errorCode: 'ArgumentException',
          message: 'StartDate must not be after EndDate',
        },
        { fieldName: 'EndDate', errorCode: '', message: '' },
      ],
    });
  });

  it('reads PascalCase ResponseStatus too', () => {
    const e = apiErrorFromResponse(
      403,
      '{"ResponseStatus":{"ErrorCode":"Forbidden","Message":"No access to account","Errors":[]}}',
    );
    expect(e).toMatchObject({
      status: 403,
      errorCode: 'Forbidden',
      message: 'No access to account',
      fieldErrors: [],
    });
  });

  it('falls back to the first field message, then to a message by status', () => {
    const body = '{"responseStatus":{"errors":[{"fieldName":"Page","message":"Page must be 0 or more"}]}}';
    expect(apiErrorFromResponse(400, body).message).toBe('Page must be 0 or more');
    expect(apiErrorFromResponse(401, '{"responseStatus":{}}').message).toMatch(/not signed in/);
  });

  it.each([
    [502, '<html><body><h1>502 Bad Gateway</h1></body></html>', /server had a problem \(502\)/],
    [500, '', /server had a problem \(500\)/],
    [404, 'Not Found', /Not found/],
    [401, '{"error":"nope"}', /not signed in/],
    [403, 'null', /do not have access/],
    [504, '[]', /too long/],
    [418, '{}', /failed \(418\)/],
  ])('%i with a non-ServiceStack body gets a generic message', (status, body, message) => {
    const e = apiErrorFromResponse(status, body);
    expect(e).toMatchObject({ kind: 'http', status, errorCode: undefined, fieldErrors: [] });
    expect(e.message).toMatch(message);
  });

  it('never throws, whatever the body', () => {
    fc.assert(
      fc.property(fc.integer({ min: 400, max: 599 }), fc.oneof(fc.string(), fc.json()), (status, body) => {
        const e = apiErrorFromResponse(status, body);
        expect(e.status).toBe(status);
        expect(e.message.length).toBeGreaterThan(0);
      }),
    );
  });
});

describe('shouldRetry', () => {
  const http = (status: number) => new ApiError({ kind: 'http', status, message: 'x' });

  it('never retries a 4xx', () => {
    for (const status of [400, 401, 403, 404, 408, 409, 429])
      expect(shouldRetry(0, http(status))).toBe(false);
  });

  it('retries network failures and 5xx at most twice', () => {
    for (const e of [http(500), http(503), new ApiError({ kind: 'network', status: 0, message: 'x' })]) {
      expect([0, 1, 2, 3].map((n) => shouldRetry(n, e))).toEqual([true, true, false, false]);
    }
  });

  it('does not retry timeouts, decode errors or anything that is not an ApiError', () => {
    expect(shouldRetry(0, new ApiError({ kind: 'timeout', status: 0, message: 'x' }))).toBe(false);
    expect(shouldRetry(0, new ApiError({ kind: 'decode', status: 200, message: 'x' }))).toBe(false);
    expect(shouldRetry(0, new TypeError('bug'))).toBe(false);
    expect(shouldRetry(0, new DOMException('aborted', 'AbortError'))).toBe(false);
  });

  it('isApiError tells ApiErrors apart', () => {
    expect(isApiError(http(500))).toBe(true);
    expect(isApiError(new Error('x'))).toBe(false);
  });
});

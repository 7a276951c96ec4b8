/**
 * An HTTP-edge failure the host raises itself (auth, routing, body limits, "currently importing"); rendered
 * as a SCIM error by the one `onError`.
 */
export class HostHttpError extends Error {
  readonly status: number;
  readonly scimType: string | undefined;
  readonly headers: Readonly<Record<string, string>>;

  /**
   * @param status HTTP status
   * @param detail what went wrong and how to fix it
   * @param options SCIM `scimType`, extra response headers, cause
   */
  constructor(
    status: number,
    detail: string,
    options: { scimType?: string; headers?: Record<string, string>; cause?: unknown } = {},
  ) {
    super(detail, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'HostHttpError';
    this.status = status;
    this.scimType = options.scimType;
    this.headers = options.headers ?? {};
  }
}

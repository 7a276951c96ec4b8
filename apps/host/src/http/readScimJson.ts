import { HostHttpError } from './HostHttpError.ts';

const jsonType = /^application\/(scim\+)?json\b/i;

/**
 * A request body as JSON: 415 for a Content-Type other than application/scim+json or application/json
 * (checked before the body is read), 400 invalidSyntax for text that is not JSON.
 * @param contentType the request's Content-Type header
 * @param read reads the body text (with the body limit)
 */
export async function readScimJson(
  contentType: string | undefined,
  read: () => Promise<string>,
): Promise<unknown> {
  if (contentType !== undefined && !jsonType.test(contentType)) {
    throw new HostHttpError(415, `unsupported Content-Type "${contentType}": send application/scim+json`, {
      scimType: 'invalidSyntax',
    });
  }
  const text = await read();
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new HostHttpError(400, `the request body is not valid JSON: ${(error as Error).message}`, {
      scimType: 'invalidSyntax',
      cause: error,
    });
  }
}

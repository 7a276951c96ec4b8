const resources: Readonly<Record<string, string>> = {
  users: 'Users',
  schemas: 'Schemas',
  resourcetypes: 'ResourceTypes',
  serviceproviderconfig: 'ServiceProviderConfig',
  serviceproviderconfigs: 'ServiceProviderConfig',
  // The path Microsoft's SCIM reference code (and its Postman collection) uses.
  serviceconfiguration: 'ServiceProviderConfig',
  cache: 'cache',
};

/**
 * The request path with the SCIM resource segment in canonical case (`/users` → `/Users`, `/schemas` →
 * `/Schemas`, as Entra and ECMA2Host's docs spell them differently) and without a trailing slash. The
 * connector name stays as sent: it is case-sensitive, as in ECMA2Host.
 * @param request the incoming request
 */
export function canonicalPath(request: Request): string {
  const url = request.url;
  const start = url.indexOf('/', url.indexOf('://') + 3);
  const q = url.indexOf('?', start);
  let path = start < 0 ? '/' : url.slice(start, q < 0 ? undefined : q);
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  const parts = path.split('/');
  if (parts[1]?.startsWith('ecma2host_') && parts[2]?.toLowerCase() === 'scim') {
    parts[2] = 'scim';
    const resource = parts[3] === undefined ? undefined : resources[parts[3].toLowerCase()];
    if (resource !== undefined) parts[3] = resource;
  }
  return parts.join('/');
}

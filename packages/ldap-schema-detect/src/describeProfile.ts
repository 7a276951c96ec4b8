import type { DirectoryProfile } from './DirectoryProfile.ts';

const yes = (b: boolean): string => (b ? 'yes' : 'no');

function section(title: string, lines: readonly string[]): string[] {
  return [title, ...lines.map((l) => `  ${l}`), ''];
}

/**
 * Renders a profile as the readable report the CLI's `detect` prints, laid out like the wizard's Global page:
 * server, TLS certificate, mandatory features, controls, partitions, change tracking, recommendations, warnings.
 * @param profile a detected profile
 * @example
 * console.log(describeProfile(await detectDirectory(client)));
 */
export function describeProfile(profile: DirectoryProfile): string {
  const { vendor, capabilities: cap, changeTracking: ct, recommendations: rec } = profile;
  const out: string[] = [];
  out.push(
    ...section('Server', [
      `Product:          ${vendor.name}${vendor.version ? ` ${vendor.version}` : ''} (${vendor.id})`,
      `Identified by:    ${vendor.evidence.join('; ')}`,
      `LDAP versions:    ${profile.supportedLdapVersions.join(', ') || '(not advertised)'}`,
      `SASL mechanisms:  ${profile.saslMechanisms.join(', ') || '(none advertised)'}`,
      `Subschema:        ${profile.subschemaSubentry ?? '(none)'}`,
    ]),
  );
  if (profile.tls) {
    const t = profile.tls;
    out.push(
      ...section('Server certificate', [
        `Subject:          ${t.subject}`,
        `Issuer:           ${t.issuer}${t.selfSigned ? ' (self-signed)' : ''}`,
        `Alternative names:${t.subjectAltNames.length ? ` ${t.subjectAltNames.join(', ')}` : ' (none)'}`,
        `Valid:            ${t.validFrom} – ${t.validTo}`,
        `SHA-1:            ${t.sha1Thumbprint}`,
        `SHA-256:          ${t.sha256Thumbprint}`,
      ]),
    );
  }
  const mf = rec.mandatoryFeatures;
  out.push(
    ...section(
      `Mandatory features ${mf.allFound ? 'found' : 'NOT found'}`,
      mf.checks.map((c) => `[${c.found ? 'x' : ' '}] ${c.name}${c.required ? '' : ' (not needed here)'}`),
    ),
  );
  out.push(
    ...section('Supported controls', [
      `Tree delete: ${yes(cap.treeDelete)}   Paged results: ${yes(cap.pagedResults)}   VLV: ${yes(cap.vlv)}   Sort: ${yes(cap.serverSideSort)}   Show deleted: ${yes(cap.showDeleted)}`,
      `Password modify: ${yes(cap.passwordModify)}   Who am I: ${yes(cap.whoAmI)}   StartTLS: ${yes(cap.startTls)}   Assertion: ${yes(cap.assertion)}   Pre/post-read: ${yes(cap.preRead)}/${yes(cap.postRead)}`,
      `Permissive modify: ${yes(cap.permissiveModify)}   Content sync: ${yes(cap.contentSync)}   Persistent search: ${yes(cap.persistentSearch)}`,
    ]),
  );
  out.push(
    ...section(
      'Partitions',
      profile.namingContexts.map(
        (p) =>
          `${p.dn || '(root)'}  — ${p.role}${p.role === 'user' ? '' : ` (${p.reason}; not offered for users)`}${p.dn === profile.defaultNamingContext.dn ? '  [default]' : ''}`,
      ),
    ),
  );
  const ctLines: string[] = [];
  if (ct.accesslog) {
    ctLines.push(
      `Accesslog ${ct.accesslog.dn}: readable ${ct.accesslog.readable === null ? 'not checked' : yes(ct.accesslog.readable)}` +
        (ct.accesslog.suffixes.length
          ? `, logs ${ct.accesslog.suffixes.join(', ')} (from ${ct.accesslog.suffixSource})`
          : ''),
    );
  }
  if (ct.changelog) {
    const nums =
      ct.changelog.firstChangeNumber === null
        ? ''
        : `, changes ${ct.changelog.firstChangeNumber}–${ct.changelog.lastChangeNumber}`;
    ctLines.push(
      `Change log ${ct.changelog.dn}: readable ${ct.changelog.readable === null ? 'not checked' : yes(ct.changelog.readable)}${nums}`,
    );
  }
  if (ct.usn) ctLines.push(`USN: highest ${ct.usn.highest} (${ct.usn.attribute})`);
  ctLines.push(
    `Syncrepl: ${yes(ct.syncrepl)}   Persistent search: ${yes(ct.persistentSearch)}   modifyTimestamp: ${yes(ct.timestamps)}`,
  );
  out.push(...section('Change tracking', ctLines));
  out.push(
    ...section('Recommendations', [
      `Anchor:       ${rec.anchor} — ${rec.reasons.anchor}`,
      `Delta import: ${rec.deltaMethod}${rec.changelogDn ? ` (${rec.changelogDn})` : ''} — ${rec.reasons.deltaMethod}`,
      `User class:   ${rec.userClass ?? '(choose by hand)'} — ${rec.reasons.userClass}`,
      ...(rec.userAuxiliaryClasses.length ? [`Auxiliaries:  ${rec.userAuxiliaryClasses.join(', ')}`] : []),
      ...(rec.userClassMust.length ? [`Must map:     ${rec.userClassMust.join(', ')}`] : []),
    ]),
  );
  if (profile.schema) {
    out.push(
      ...section('Schema', [
        `${Object.keys(profile.schema.objectClasses).length} object classes, ${Object.keys(profile.schema.attributeTypes).length} attribute types, ${profile.schema.problems.length} problem(s)`,
      ]),
    );
  }
  if (profile.warnings.length)
    out.push(
      ...section(
        'Warnings',
        profile.warnings.map((w) => `! ${w}`),
      ),
    );
  return out.join('\n').trimEnd();
}

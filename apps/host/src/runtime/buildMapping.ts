import {
  inetOrgPersonPreset,
  type MappingConfig,
  type MappingRule,
  posixAccountPreset,
} from '@scim2ldap/provisioning';
import type { ConnectorConfig } from '../config/configSchema.ts';
import type { ConnectorSettings } from './resolveConnectorSettings.ts';

/**
 * The connector's mapping: the chosen preset (for clients that send only the core User schema), with the
 * configured rules replacing the preset's rule for the same target, the configured DN rule, matching
 * attributes and object classes taking precedence.
 * @param config the connector's configuration
 * @param settings the resolved settings (container, object classes, rules)
 */
export function buildMapping(config: ConnectorConfig, settings: ConnectorSettings): MappingConfig {
  const m = config.mapping;
  const base: MappingConfig =
    m.preset === 'inetOrgPerson'
      ? inetOrgPersonPreset({
          parentDn: settings.container,
          ...(m.rdnAttribute ? { rdnAttribute: m.rdnAttribute } : {}),
        })
      : m.preset === 'posixAccount'
        ? posixAccountPreset({
            parentDn: settings.container,
            ...(m.gidNumber ? { gidNumber: m.gidNumber } : {}),
            ...(m.uidNumberSource ? { uidNumberSource: m.uidNumberSource } : {}),
          })
        : { rules: [] };
  const overridden = new Set(settings.rules.map((r) => r.target.toLowerCase()));
  if (config.dnRule) overridden.add('-dn-');
  const rules: MappingRule[] = [
    ...base.rules.filter((r) => !overridden.has(r.target.toLowerCase())),
    ...(settings.rules as readonly MappingRule[]),
  ];
  const matching = config.matching ?? base.matching;
  const userNameAttribute = m.userNameAttribute ?? base.userNameAttribute;
  const externalIdAttribute = m.externalIdAttribute ?? base.externalIdAttribute;
  return {
    rules,
    objectClasses: settings.objectClasses,
    ...(config.dnRule ? { dnRule: config.dnRule } : base.dnRule ? { dnRule: base.dnRule } : {}),
    ...(matching ? { matching } : {}),
    ...(userNameAttribute ? { userNameAttribute } : {}),
    ...(externalIdAttribute ? { externalIdAttribute } : {}),
  };
}

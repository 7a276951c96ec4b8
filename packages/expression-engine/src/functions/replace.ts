import type { FunctionDefinition } from './FunctionDefinition.ts';
import {
  fillTemplate,
  groupFromFallback,
  regexReader,
  replaceGroup,
  replaceMatches,
  replaceText,
  textReader,
} from './replaceModes.ts';

/**
 * Replace(source, oldValue, regexPattern, regexGroupName, replacementValue, replacementAttributeName,
 * template): Entra's five replace modes, chosen by which arguments are given (case-sensitive throughout):
 * 1. oldValue + template: the template with every oldValue replaced by source.
 * 2. oldValue + replacementValue: every oldValue in source replaced.
 * 3. regexPattern + regexGroupName + replacementValue: in every match, the named group's text replaced.
 * 4. regexPattern + regexGroupName + replacementAttributeName: source if it has a value; otherwise the
 *    named group of the first match in the replacement attribute's value (null when nothing matches).
 * 5. regexPattern + replacementValue: every match replaced, with .NET substitutions (`${name}`, `$1`, `$$`).
 * Patterns are .NET regular expressions (named groups `(?<name>…)`); a null source gives null except in
 * mode 4, and a multi-valued source is replaced value by value.
 */
export const Replace: FunctionDefinition = {
  name: 'Replace',
  description: `Replaces text in source: a fixed oldValue, or .NET regex matches (with \${group} substitution), or a named group; can also fill a template or fall back to another attribute.`,
  parameters: [
    { name: 'source', description: 'The text to change.' },
    { name: 'oldValue', description: 'Fixed text to find.', optional: true },
    {
      name: 'regexPattern',
      description: '.NET regular expression to find; named groups (?<name>…).',
      optional: true,
    },
    { name: 'regexGroupName', description: 'Named group of regexPattern to act on.', optional: true },
    {
      name: 'replacementValue',
      description: `Replacement text; with a regex it may use \${name} and $1.`,
      optional: true,
    },
    {
      name: 'replacementAttributeName',
      description: 'Fallback value whose regexGroupName is used when source is empty.',
      optional: true,
    },
    { name: 'template', description: 'Text in which oldValue is replaced by source.', optional: true },
  ],
  examples: [
    {
      expression: 'Replace([BusinessTitle],"Product Developer", , , "Software Engineer", , )',
      input: { BusinessTitle: 'Product Developer' },
      output: 'Software Engineer',
    },
    {
      expression: 'Replace([UserID],"<username>", , , , , "<username>@contoso.com")',
      input: { UserID: 'jsmith' },
      output: 'jsmith@contoso.com',
    },
    {
      expression: `Replace([telephoneNumber], , "\\\\+(?<isdCode>\\\\d* )(?<phoneNumber>\\\\d{10})", , "\${phoneNumber}", , )`,
      input: { telephoneNumber: '+91 9998887777' },
      output: '9998887777',
    },
    {
      expression: 'Replace([mobile], , "[()\\\\s-]+", , "", , )',
      input: { mobile: '+1 (999) 888-7777' },
      output: '+19998887777',
      note: 'Entra\'s page prints "19998887777", but the pattern does not match "+"',
    },
    {
      expression: 'Replace([AddressLineData], ,"(?<streetNumber>^\\\\d*)","streetNumber", "888", , )',
      input: { AddressLineData: '545 Tremont Street' },
      output: '888 Tremont Street',
    },
    {
      expression:
        'Replace([telephoneNumber], , "\\\\+(?<isdCode>\\\\d* )(?<phoneNumber>\\\\d{10})", "phoneNumber" , , [mobile], )',
      input: { telephoneNumber: '', mobile: '+91 8887779999' },
      output: '8887779999',
    },
    {
      expression: 'Replace([mail], "@contoso.com", , ,"", ,)',
      input: { mail: 'john.doe@contoso.com' },
      output: 'john.doe',
    },
  ],
  compile: ([source, oldValue, pattern, groupName, replacement, fallback, template], call) => {
    const read = source!.evaluate;
    if (oldValue && template) return fillTemplate(read, textReader(oldValue), textReader(template));
    if (oldValue) return replaceText(read, textReader(oldValue), textReader(replacement));
    if (!pattern) return read;
    const regex = regexReader(pattern, call);
    if (groupName && (replacement || !fallback)) {
      return replaceGroup(read, regex, textReader(groupName), textReader(replacement));
    }
    if (groupName && fallback)
      return groupFromFallback(read, regex, textReader(groupName), fallback.evaluate);
    return replaceMatches(read, regex, replacement);
  },
};

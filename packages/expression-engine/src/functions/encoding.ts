import { mapText } from '../RuntimeValue.ts';
import type { FunctionDefinition } from './FunctionDefinition.ts';

/** ConvertToBase64(source): Base64 of the UTF-16LE ("Unicode") bytes of source, as Entra encodes it. */
export const ConvertToBase64: FunctionDefinition = {
  name: 'ConvertToBase64',
  description: 'Encodes source as Base64 of its UTF-16LE ("Unicode") bytes.',
  parameters: [{ name: 'source', description: 'The text to encode.' }],
  examples: [{ expression: 'ConvertToBase64("Hello world!")', output: 'SABlAGwAbABvACAAdwBvAHIAbABkACEA' }],
  compile: ([source]) => {
    const read = source!.evaluate;
    return (scope) => mapText(read(scope), (text) => Buffer.from(text, 'utf16le').toString('base64'));
  },
};

/** ConvertToUTF8Hex(source): the UTF-8 bytes of source as upper-case hexadecimal. */
export const ConvertToUTF8Hex: FunctionDefinition = {
  name: 'ConvertToUTF8Hex',
  description: 'Encodes source as upper-case hexadecimal of its UTF-8 bytes.',
  parameters: [{ name: 'source', description: 'The text to encode.' }],
  examples: [
    { expression: 'ConvertToUTF8Hex("Hello world!")', output: '48656C6C6F20776F726C6421' },
    {
      expression: 'Join("", 1000, Replace(ConvertToUTF8Hex([objectId]), , "[a-zA-Z_]*", , "", , ))',
      input: { objectId: '00aa00aa-bb11-cc22-dd33-44ee44ee44ee' },
      output: '100030306161303061612626231312636332322646433332343465653434656534346565',
    },
  ],
  compile: ([source]) => {
    const read = source!.evaluate;
    return (scope) => mapText(read(scope), (text) => Buffer.from(text, 'utf8').toString('hex').toUpperCase());
  },
};

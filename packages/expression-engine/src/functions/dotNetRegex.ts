/**
 * Translates a .NET regular expression into a JavaScript RegExp (global, with group indices): leading
 * inline options `(?imsx)` become flags, `(?'name'…)` becomes `(?<name>…)`, and the anchors `\A`, `\Z`, `\z`
 * get their JavaScript equivalents. Everything else (classes, named groups, back-references, look-arounds)
 * has the same syntax. Throws SyntaxError for patterns JavaScript cannot run.
 * @param pattern the .NET pattern
 */
export function toJsRegExp(pattern: string): RegExp {
  let flags = 'gd';
  let body = pattern;
  const options = /^\(\?([imsx]+)\)/.exec(body);
  if (options) {
    body = body.slice(options[0].length);
    for (const option of new Set(options[1])) if (option !== 'x') flags += option;
  }
  let out = '';
  let inClass = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === '\\') {
      const next = body[i + 1] ?? '';
      if (!inClass && next === 'A') out += '^';
      else if (!inClass && next === 'Z') out += '(?=\\n?$)';
      else if (!inClass && next === 'z') out += '$';
      else out += c + next;
      i++;
    } else if (inClass) {
      if (c === ']') inClass = false;
      out += c;
    } else if (c === '[') {
      inClass = true;
      out += c;
      if (body[i + 1] === ']') {
        out += '\\]';
        i++;
      }
    } else if (c === '(' && body.startsWith("?'", i + 1)) {
      const close = body.indexOf("'", i + 3);
      out += `(?<${body.slice(i + 3, close)}>`;
      i = close;
    } else {
      out += c;
    }
  }
  return new RegExp(out, flags);
}

type Piece = string | { readonly group: string | number } | { readonly special: '&' | '`' | "'" | '+' | '_' };

/**
 * Compiles a .NET replacement pattern — `$1`, `${name}`, `$$`, `$&`, `` $` ``, `$'`, `$+`, `$_` — into a
 * function that builds the replacement for one match. Unknown `$` sequences are kept literally, as in .NET.
 * @param template the replacement pattern
 */
export function compileReplacement(
  template: string,
): (match: RegExpExecArray | RegExpMatchArray, input: string) => string {
  const pieces: Piece[] = [];
  let literal = '';
  for (let i = 0; i < template.length; i++) {
    const c = template[i]!;
    const next = template[i + 1];
    if (c !== '$' || next === undefined) {
      literal += c;
      continue;
    }
    let piece: Piece | undefined;
    let length = 1;
    if (next === '$') {
      literal += '$';
      i++;
      continue;
    }
    if (next === '{') {
      const close = template.indexOf('}', i + 2);
      const name = close < 0 ? '' : template.slice(i + 2, close);
      if (/^\d+$/.test(name) || /^[A-Za-z_]\w*$/.test(name)) {
        piece = { group: /^\d+$/.test(name) ? Number(name) : name };
        length = close - i;
      }
    } else if (/\d/.test(next)) {
      const digits = /^\d+/.exec(template.slice(i + 1))![0];
      piece = { group: Number(digits) };
      length = digits.length;
    } else if (next === '&' || next === '`' || next === "'" || next === '+' || next === '_') {
      piece = { special: next };
    }
    if (piece === undefined) {
      literal += c;
      continue;
    }
    if (literal) pieces.push(literal);
    literal = '';
    pieces.push(piece);
    i += length;
  }
  if (literal) pieces.push(literal);
  if (pieces.length === 1 && typeof pieces[0] === 'string') {
    const fixed = pieces[0];
    return () => fixed;
  }
  return (match, input) => {
    let out = '';
    for (const piece of pieces) {
      if (typeof piece === 'string') out += piece;
      else if ('group' in piece)
        out += (typeof piece.group === 'number' ? match[piece.group] : match.groups?.[piece.group]) ?? '';
      else if (piece.special === '&') out += match[0];
      else if (piece.special === '`') out += input.slice(0, match.index);
      else if (piece.special === "'") out += input.slice((match.index ?? 0) + match[0].length);
      else if (piece.special === '+') out += match[match.length - 1] ?? '';
      else out += input;
    }
    return out;
  };
}

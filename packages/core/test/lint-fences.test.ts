import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The fences in eslint.config.js are only worth having if they fire: each
// sample here must be reported, at the path where it would ship.
const eslint = new ESLint({ cwd: new URL('../../..', import.meta.url).pathname });

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

const shipped = 'packages/widget/src/Sample/Sample.tsx';

describe('lint fences', () => {
  it.each([
    ['element.innerHTML = review.body;', 'innerHTML'],
    ['element.outerHTML = "<b>";', 'outerHTML'],
    ['element.insertAdjacentHTML("beforeend", text);', 'insertAdjacentHTML'],
    [
      'const x = <div dangerouslySetInnerHTML={{ __html: body }} />;',
      'dangerouslySetInnerHTML JSX',
    ],
    ['const p = { dangerouslySetInnerHTML: { __html: body } };', 'dangerouslySetInnerHTML prop'],
    ['eval(code);', 'eval'],
    ['const f = new Function("return 1");', 'new Function'],
    ['document.write("<p>");', 'document.write'],
    ['element.setAttribute("style", "color:red");', "setAttribute('style')"],
    ['const x = <div {...review} />;', 'spread into a DOM element'],
  ])('reports %s (%s) in shipped widget code', async (code) => {
    expect(
      await ruleIds(
        `declare const element: HTMLElement, review: any, body: string, text: string, code: string;\n${code}\n`,
        shipped,
      ),
    ).toContain('no-restricted-syntax');
  });

  it('allows spreading into components, which map fields explicitly', async () => {
    const ids = await ruleIds(
      'declare const Stars: any, props: object;\nexport const x = <Stars {...props} />;\n',
      shipped,
    );
    expect(ids).not.toContain('no-restricted-syntax');
  });

  it('keeps Preact out of core', async () => {
    for (const source of [
      "import { h } from 'preact';",
      "import { signal } from '@preact/signals';",
    ]) {
      expect(await ruleIds(`${source}\nexport { };\n`, 'packages/core/src/sample.ts')).toContain(
        'no-restricted-imports',
      );
    }
  });

  it('keeps browser globals out of core', async () => {
    expect(
      await ruleIds('export const x = window.location.href;\n', 'packages/core/src/sample.ts'),
    ).toContain('no-restricted-globals');
  });
});

// @vitest-environment jsdom
// The hostile-content table again in jsdom: a second, independent HTML parser
// and DOM, as DOMPurify's own suite does, so one engine's leniency hides nothing.
import { describeHostileContent } from './hostile-suite.tsx';

describeHostileContent('jsdom');

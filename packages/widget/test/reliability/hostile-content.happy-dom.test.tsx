// The hostile-content table in happy-dom (the widget project's default DOM).
import { describeHostileContent } from './hostile-suite.tsx';

describeHostileContent('happy-dom');

// The console's only module with side effects: it mounts the app.
import { render } from 'preact';
import { App } from './App.tsx';
import { startSession } from './session.ts';

startSession();
const root = document.getElementById('app');
if (root) render(<App />, root);

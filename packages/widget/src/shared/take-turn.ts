/**
 * Widgets take turns to render: at most one turn per task, in the order
 * asked. Why: when the data of many widgets arrives together (a page with 15
 * review lists, or answers from the local cache), rendering them all at once
 * made one task of hundreds of milliseconds on a phone-speed CPU (measured
 * up to 1.9 s at 4x CPU throttling on the 50-widget benchmark page), and no
 * tap or scroll is handled until a task ends. Between turns the browser can
 * handle input and lay out and paint what is ready.
 *
 * The first widget to ask in a task gets its turn at once, so a widget whose
 * answer arrives alone waits for nothing; the others get the following tasks.
 * A turn is a promise: code chained on it runs inside the turn's task
 * (promise callbacks run before the task ends), and so does the Preact render
 * that a state change there schedules. Timers, not animation frames, so
 * widgets still render in a background tab.
 *
 * The script-tag runtime slices its own work (mounting placeholders, painting
 * star badges) by time instead, in `inSlices` (cdn/runtime.tsx): this module
 * comes with the widget chunks, and the first-paint file has no bytes for it.
 */
const waiting: (() => void)[] = [];
/** A turn has been given in the current task. */
let given = false;

function giveNext(): void {
  given = false;
  const next = waiting.shift();
  if (!next) return;
  given = true;
  next();
  setTimeout(giveNext);
}

export function takeTurn(): Promise<void> {
  if (given) return new Promise((resolve) => waiting.push(resolve));
  given = true;
  setTimeout(giveNext);
  return Promise.resolve();
}

import { RequestHandler } from 'express';

/**
 * Lets at most `perTurn` requests into the routes behind it per turn of the event loop; the rest
 * wait for the next turns, in arrival order.
 *
 * The read routes answer warm requests without real I/O, so a burst of them runs to completion
 * in one turn and everything else on the process — the readiness probe first of all — waits for
 * the whole burst. Between two turns Node polls the sockets again, so a probe waits for at most
 * `perTurn` requests' work instead of every request in flight. A request waiting for a database
 * or GitHub does not hold a place: only its start is scheduled.
 */
export function eventLoopTurns(perTurn: number): RequestHandler {
  const waiting: Array<() => void> = [];
  let scheduled = false;

  function schedule() {
    if (!scheduled) {
      scheduled = true;
      setImmediate(runTurn);
    }
  }
  function runTurn() {
    scheduled = false;
    const starting = waiting.splice(0, perTurn);
    starting.forEach(start => start());
    // an immediate queued from inside the check phase runs in the next turn, after its poll
    if (waiting.length > 0) schedule();
  }

  return (_req, _res, next) => {
    waiting.push(() => next());
    schedule();
  };
}

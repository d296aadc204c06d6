/** The agents' page styles (GET /desk/app.css). Colours keep at least 4.5:1 contrast. */
export const DESK_CSS = `
:root {
  --ink: #1b1f24; --muted: #4b5563; --line: #d0d7de; --bg: #f3f4f6; --panel: #fff;
  --accent: #0b57d0; --accent-ink: #fff; --warn-bg: #fff4e5; --warn-ink: #7a3e00;
  --bad-bg: #fdecea; --bad-ink: #a4161a; --ok-bg: #e6f4ea; --ok-ink: #17612d; --chip: #eef2ff; --chip-ink: #25316d;
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
  color: var(--ink); background: var(--bg);
}
* { box-sizing: border-box; }
body { margin: 0; }
h1, h2, h3 { line-height: 1.2; margin: 0 0 .6rem; }
h1 { font-size: 1.25rem; }
h2 { font-size: 1.1rem; }
h3 { font-size: .95rem; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); margin-top: 1.1rem; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.skip { position: absolute; left: -999px; top: 0; background: var(--accent); color: var(--accent-ink); padding: .5rem 1rem; z-index: 2; }
.skip:focus { left: 0; }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
[hidden] { display: none !important; }

.bar { display: flex; align-items: center; justify-content: space-between; gap: 1rem; padding: .7rem 1.25rem; background: #10243e; color: #fff; }
.bar h1 { margin: 0; }
.who { display: flex; align-items: center; gap: .75rem; }
.who strong { color: #fff; }
.bar button.quiet { background: transparent; color: #fff; border-color: #9fb3c8; }

.messages { padding: 0 1.25rem; }
.status:empty, .alert:empty { display: none; }
.status { margin: .75rem 0 0; padding: .5rem .75rem; border-radius: 6px; background: var(--ok-bg); color: var(--ok-ink); border: 1px solid #b7dfc2; }
.alert { margin: .75rem 0 0; padding: .5rem .75rem; border-radius: 6px; background: var(--bad-bg); color: var(--bad-ink); border: 1px solid #f1b5b0; font-weight: 600; }

main { padding: 1rem 1.25rem 2rem; }
main:focus { outline: none; }
.panel { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 1rem 1.1rem; }
.signin { max-width: 28rem; margin: 2rem auto; }
.layout { display: grid; grid-template-columns: minmax(17rem, 21rem) 1fr; gap: 1rem; align-items: start; }
.side { display: grid; gap: 1rem; }
@media (max-width: 52rem) { .layout { grid-template-columns: 1fr; } }

label { display: block; font-weight: 600; margin: .6rem 0 .25rem; }
input, textarea { width: 100%; font: inherit; color: var(--ink); background: #fff; border: 1px solid #6b7280; border-radius: 6px; padding: .45rem .6rem; }
textarea { resize: vertical; }
button { font: inherit; cursor: pointer; border: 1px solid #6b7280; background: #fff; color: var(--ink); border-radius: 6px; padding: .42rem .85rem; }
button:hover:not(:disabled) { background: #eef2f7; }
button.primary { background: var(--accent); border-color: var(--accent); color: var(--accent-ink); font-weight: 600; }
button.primary:hover:not(:disabled) { background: #0842a0; }
button:disabled { cursor: not-allowed; opacity: .55; }
.buttons { display: flex; flex-wrap: wrap; gap: .5rem; margin-top: .6rem; }
.hint { color: var(--muted); font-size: .88rem; margin: .4rem 0 0; }

.queues { width: 100%; border-collapse: collapse; }
.queues th, .queues td { text-align: left; padding: .3rem .4rem; border-bottom: 1px solid var(--line); }
.queues .num { text-align: right; font-variant-numeric: tabular-nums; }
.queues th[scope=row] { white-space: nowrap; font-weight: 600; }
.queues thead th { font-size: .85rem; color: var(--muted); }
.returning { margin: .6rem 0 0; font-weight: 600; }
.returning:empty { display: none; }

.mine { list-style: none; margin: 0; padding: 0; display: grid; gap: .4rem; }
.mine li { display: flex; justify-content: space-between; align-items: center; gap: .5rem; border: 1px solid var(--line); border-radius: 6px; padding: .4rem .5rem; }
.mine .subject { font-weight: 600; display: block; overflow-wrap: anywhere; }
.mine .sub { font-size: .82rem; color: var(--muted); }
.mine li.current { border-color: var(--accent); box-shadow: inset 3px 0 0 var(--accent); }

.work h2 { font-size: 1.3rem; overflow-wrap: anywhere; }
.meta { color: var(--muted); margin: -.2rem 0 .6rem; font-size: .9rem; overflow-wrap: anywhere; }
.lease { margin: .2rem 0 .6rem; }
.lease:empty { display: none; }
.lease p { margin: 0; padding: .45rem .7rem; border-radius: 6px; background: #eaf1fb; color: #123a73; border: 1px solid #b9cff0; }
.lease p.lapsed { background: var(--bad-bg); color: var(--bad-ink); border-color: #f1b5b0; font-weight: 600; }

.badge { display: inline-block; padding: .05rem .5rem; border-radius: 999px; font-size: .82rem; font-weight: 600; background: #e5e7eb; color: #1f2937; border: 1px solid #c4c9d1; white-space: nowrap; }
.badge.s-assigned, .badge.s-queued { background: #e0ecff; color: #123a73; border-color: #b9cff0; }
.badge.s-awaiting-customer { background: var(--warn-bg); color: var(--warn-ink); border-color: #f3c98b; }
.badge.s-resolved, .badge.s-closed { background: var(--ok-bg); color: var(--ok-ink); border-color: #b7dfc2; }
.badge.s-declined { background: var(--bad-bg); color: var(--bad-ink); border-color: #f1b5b0; }

.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(20rem, 1fr)); gap: .75rem; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: .6rem .75rem; }
.card h3 { margin-top: 0; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem .75rem; margin: 0; }
dt { color: var(--muted); }
dd { margin: 0; overflow-wrap: anywhere; }
.clauses { list-style: none; margin: 0; padding: 0; display: grid; gap: .2rem; }
.clause-id { display: inline-block; font: 600 .82rem/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: var(--chip); color: var(--chip-ink); border-radius: 4px; padding: 0 .35rem; margin-right: .35rem; }
.caveats li { background: var(--warn-bg); color: var(--warn-ink); border-radius: 4px; padding: .2rem .4rem; }
.caveats .clause-id { background: #fde7c7; color: var(--warn-ink); }
.quote { white-space: pre-wrap; overflow-wrap: anywhere; margin: .3rem 0 0; padding: .5rem .7rem; background: #f8fafc; border-left: 4px solid #94a3b8; border-radius: 0 4px 4px 0; }
.overdue { color: var(--bad-ink); font-weight: 700; }
.countdown { font-variant-numeric: tabular-nums; font-weight: 600; }

.timeline { list-style: none; margin: 0; padding: 0; border-left: 2px solid var(--line); }
.timeline li { position: relative; margin: 0 0 .6rem; padding-left: 1rem; }
.timeline li::before { content: ""; position: absolute; left: -6px; top: .45rem; width: 10px; height: 10px; border-radius: 50%; background: #94a3b8; }
.timeline li.t-reply::before { background: var(--accent); }
.timeline li.t-customer::before { background: #b45309; }
.timeline .when { color: var(--muted); font-size: .82rem; font-variant-numeric: tabular-nums; }
.timeline .what { font-weight: 600; }
.timeline .detail { font-size: .88rem; color: var(--muted); overflow-wrap: anywhere; }
.act { border-top: 1px solid var(--line); margin-top: 1rem; padding-top: .4rem; }
.act form + form { margin-top: 1rem; }
`;

// Stacked bars, one per bucket (a day), one colour per series, drawn as inline SVG (no chart library). The same
// figures are in a table under "Show the figures" for screen readers and copying.

const COLOURS = ['#3b3bd6', '#0e9384', '#dc6803', '#c11574', '#6172f3', '#669f2a', '#b54708', '#7a5af8'];
const W = 640;
const H = 220;
const PAD = { left: 48, right: 8, top: 12, bottom: 28 };

const dayLabel = (ms) => new Date(ms).toLocaleDateString(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });

/** A round axis maximum at or above `v` (1, 2, 5 × 10^n). */
function niceMax(v) {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

/** Up to 8 series by total (the rest folded into "Other"), biggest first. */
function seriesOf(usage, n) {
  const all = Object.entries(usage || {}).map(([label, values]) => ({ label, values, total: values.reduce((a, b) => a + b, 0) }))
    .sort((a, b) => b.total - a.total);
  if (all.length <= COLOURS.length) return all;
  const kept = all.slice(0, COLOURS.length - 1);
  const rest = all.slice(COLOURS.length - 1);
  const values = Array.from({ length: n }, (_, i) => rest.reduce((a, s) => a + (s.values[i] || 0), 0));
  return [...kept, { label: 'Other', values, total: values.reduce((a, b) => a + b, 0) }];
}

export function UsageChart({ time, usage, unit }) {
  const n = time.length;
  const series = seriesOf(usage, n);
  const totals = time.map((_, i) => series.reduce((a, s) => a + (s.values[i] || 0), 0));
  const total = totals.reduce((a, b) => a + b, 0);
  const max = niceMax(Math.max(0, ...totals));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(1, n);
  const barW = Math.max(1, Math.min(40, slot * 0.7));
  const y = (v) => PAD.top + plotH - (v / max) * plotH;
  const labelEvery = Math.ceil(n / 7);
  const busiest = totals.indexOf(Math.max(...totals));
  const summary = total > 0
    ? `${total.toLocaleString()} ${unit} over ${n} days; the busiest day is ${dayLabel(time[busiest])} with ${totals[busiest].toLocaleString()}.`
    : `No ${unit} in these ${n} days.`;
  return (
    <figure class="usage-chart">
      <p class="usage-total" aria-live="polite"><strong data-total={total}>{total.toLocaleString()}</strong> {unit} in this range</p>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="usage-chart-title usage-chart-desc" preserveAspectRatio="xMidYMid meet">
        <title id="usage-chart-title">{`${unit[0].toUpperCase()}${unit.slice(1)} per day`}</title>
        <desc id="usage-chart-desc">{summary}</desc>
        {[0, 0.5, 1].map((f) => (
          <g class="grid-line">
            <line x1={PAD.left} x2={W - PAD.right} y1={y(max * f)} y2={y(max * f)} />
            <text x={PAD.left - 6} y={y(max * f) + 4} text-anchor="end">{(max * f).toLocaleString()}</text>
          </g>
        ))}
        {time.map((t, i) => {
          let base = 0;
          const x = PAD.left + i * slot + (slot - barW) / 2;
          return (
            <g class="bar" data-day={new Date(t).toISOString().slice(0, 10)} data-value={totals[i]}>
              {series.map((s, k) => {
                const v = s.values[i] || 0;
                if (v <= 0) return null;
                const top = y(base + v);
                const rect = <rect x={x} y={top} width={barW} height={Math.max(1, y(base) - top)} fill={COLOURS[k % COLOURS.length]} data-value={v}>
                  <title>{`${dayLabel(t)}: ${s.label} ${v.toLocaleString()}`}</title>
                </rect>;
                base += v;
                return rect;
              })}
              {(n - 1 - i) % labelEvery === 0 && <text class="x-label" x={x + barW / 2} y={H - 8} text-anchor="middle">{dayLabel(t)}</text>}
            </g>
          );
        })}
      </svg>
      {series.length > 1 || (series[0] && series[0].label !== 'All') ? (
        <ul class="legend" aria-label="Legend">
          {series.map((s, k) => <li><span class="swatch" style={{ background: COLOURS[k % COLOURS.length] }} aria-hidden="true" />{s.label} ({s.total.toLocaleString()})</li>)}
        </ul>
      ) : null}
      <details>
        <summary>Show the figures</summary>
        <div class="table-wrap">
          <table>
            <thead><tr><th scope="col">Day (UTC)</th>{series.map((s) => <th scope="col">{s.label}</th>)}<th scope="col">Total</th></tr></thead>
            <tbody>
              {time.map((t, i) => (
                <tr><td>{new Date(t).toISOString().slice(0, 10)}</td>{series.map((s) => <td>{(s.values[i] || 0).toLocaleString()}</td>)}<td>{totals[i].toLocaleString()}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}

// Usage: the subscription's characters (GET /v1/user/subscription) and characters or requests per day over a date
// range (GET /v1/usage/character-stats), drawn as stacked SVG bars by the chosen breakdown.
import { useState } from 'preact/hooks';
import { api } from '../../api.js';
import { ErrorNote, Field, Select, useAsync } from '../../components/ui.jsx';
import { UsageChart } from './usage-chart.jsx';

const BREAKDOWNS = [
  { value: 'none', label: 'None (total)' },
  { value: 'voice', label: 'Voice' },
  { value: 'model', label: 'Model' },
  { value: 'product_type', label: 'Product' },
  { value: 'api_keys', label: 'API key' },
  { value: 'has_api_key', label: 'With or without a key' },
];
const METRICS = [
  { value: 'credits', label: 'Characters' },
  { value: 'request_count', label: 'Requests' },
];

const DAY = 86_400_000;
const isoDay = (ms) => new Date(ms).toISOString().slice(0, 10);

function Subscription() {
  const sub = useAsync(() => api.get('/v1/user/subscription'));
  const s = sub.data;
  return (
    <div class="card">
      <h3>Characters this period</h3>
      <ErrorNote error={sub.error} />
      {s && (
        <>
          <p class="usage-figure"><strong>{s.character_count.toLocaleString()}</strong> of {s.character_limit.toLocaleString()} characters used
            <span class="muted"> ({s.tier} tier)</span></p>
          <progress class="usage-progress" max={Math.max(1, s.character_limit)} value={Math.min(s.character_count, s.character_limit)}
            aria-label="Characters used of the limit" />
          <p class="muted">{s.next_character_count_reset_unix
            ? `Resets on ${new Date(s.next_character_count_reset_unix * 1000).toLocaleDateString(undefined, { dateStyle: 'long' })}.`
            : 'No reset date.'}</p>
        </>
      )}
    </div>
  );
}

export function Usage() {
  const today = isoDay(Date.now());
  const [from, setFrom] = useState(isoDay(Date.now() - 13 * DAY));
  const [to, setTo] = useState(today);
  const [breakdown, setBreakdown] = useState('none');
  const [metric, setMetric] = useState('credits');
  const rangeError = !from || !to ? 'Choose both dates.' : from > to ? 'The start date is after the end date.'
    : Date.parse(to) - Date.parse(from) > 366 * DAY ? 'Choose at most a year.' : null;
  const stats = useAsync(() => rangeError ? Promise.resolve(null) : api.get('/v1/usage/character-stats', {
    start_unix: Date.parse(`${from}T00:00:00Z`), end_unix: Date.parse(`${to}T23:59:59.999Z`),
    include_workspace_metrics: true, breakdown_type: breakdown, aggregation_interval: 'day', metric,
  }), [from, to, breakdown, metric, rangeError]);
  const unit = metric === 'credits' ? 'characters' : 'requests';
  return (
    <div class="settings-section">
      <h2>Usage</h2>
      <Subscription />
      <div class="card">
        <h3>By day</h3>
        <div class="grid usage-controls">
          <Field label="From (UTC)" id="usage-from">
            <input id="usage-from" type="date" value={from} max={to} onChange={(e) => setFrom(e.target.value)} />
          </Field>
          <Field label="To (UTC)" id="usage-to">
            <input id="usage-to" type="date" value={to} min={from} onChange={(e) => setTo(e.target.value)} />
          </Field>
          <Select label="Breakdown" id="usage-breakdown" value={breakdown} options={BREAKDOWNS} onChange={setBreakdown} />
          <Select label="Measure" id="usage-metric" value={metric} options={METRICS} onChange={setMetric} />
        </div>
        <ErrorNote error={rangeError || stats.error} />
        {stats.loading && !stats.data && <p class="muted" role="status">Loading usage…</p>}
        {stats.data && <UsageChart time={stats.data.time} usage={stats.data.usage} unit={unit} />}
      </div>
    </div>
  );
}

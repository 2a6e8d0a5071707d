import type { Bucket } from './minute-buckets';

interface PerMinuteChartProps {
  title: string;
  buckets: Bucket[];
  format: (value: number) => string;
  tone: 'primary' | 'accent';
}

const WIDTH = 600;
const HEIGHT = 140;
const PAD_TOP = 8;

/** Bars per minute in plain SVG: a few dozen rectangles need no chart library. */
export function PerMinuteChart({ title, buckets, format, tone }: PerMinuteChartProps) {
  const max = Math.max(0, ...buckets.map((b) => b.value));
  const total = buckets.reduce((sum, b) => sum + b.value, 0);
  const slot = WIDTH / Math.max(1, buckets.length);
  const barWidth = Math.max(1, slot * 0.7);
  const summary = `${title}, last ${buckets.length} minutes: ${format(total)} in total, at most ${format(max)} in one minute.`;

  return (
    <figure className="chart">
      <figcaption>
        <span>{title}</span>
        <span className="muted">peak {format(max)}</span>
      </figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="none" role="img" aria-label={summary} className={`chart-svg tone-${tone}`}>
        <line x1="0" x2={WIDTH} y1={HEIGHT - 0.5} y2={HEIGHT - 0.5} className="chart-axis" />
        {buckets.map((bucket, i) => {
          const height = max === 0 ? 0 : ((HEIGHT - PAD_TOP) * bucket.value) / max;
          return bucket.value > 0 ? (
            <rect key={bucket.start} x={i * slot + (slot - barWidth) / 2} y={HEIGHT - height} width={barWidth} height={height} rx="2" className="chart-bar">
              <title>{`${new Date(bucket.start).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}: ${format(bucket.value)}`}</title>
            </rect>
          ) : null;
        })}
      </svg>
      <div className="chart-scale muted" aria-hidden="true">
        <span>60 min ago</span>
        <span>now</span>
      </div>
    </figure>
  );
}

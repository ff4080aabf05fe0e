/** Geometry for a simple horizontal bar chart, kept apart from the markup so it can be tested. */

export interface Bar {
  label: string;
  value: number;
}

export interface PlacedBar extends Bar {
  /** Top of the row's label text. */
  labelY: number;
  barY: number;
  barWidth: number;
  /** Where the value text sits: just after the bar. */
  valueX: number;
}

export interface ChartLayout {
  width: number;
  height: number;
  barHeight: number;
  bars: PlacedBar[];
}

const rowHeight = 64;
const barHeight = 24;
const labelGap = 28;
const valueSpace = 64;

/** Lays bars out against a scale of 0 to `max` (100 for percentages). */
export function layoutBars(bars: readonly Bar[], max: number, width = 600): ChartLayout {
  if (max <= 0) throw new Error('The chart needs a positive maximum');
  const trackWidth = width - valueSpace;
  return {
    width,
    height: bars.length * rowHeight,
    barHeight,
    bars: bars.map((bar, index) => {
      const barWidth = Math.max(0, Math.min(1, bar.value / max)) * trackWidth;
      return { ...bar, labelY: index * rowHeight + 18, barY: index * rowHeight + labelGap, barWidth, valueX: barWidth + 8 };
    }),
  };
}

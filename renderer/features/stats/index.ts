// Tiến độ: the progress screen and the figures it counts.
export { bookProgress, officerStats, statusCounts } from './progress';
export { StatsScreen } from './StatsScreen';

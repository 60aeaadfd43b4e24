// Chart.js with only the pieces the Costs view draws: bar charts on category and linear scales,
// with a legend and tooltips. Registered once, when this module is first imported.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  Tooltip,
} from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

export { Chart };

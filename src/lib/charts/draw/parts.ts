import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';

/**
 * Chart.js with only the parts the site's charts use, registered once. The build-time renderer
 * and `<chart-live>` both import Chart from here, so the static and the live chart cannot differ
 * in what they can draw, and the browser bundle stays tree-shaken within the page budget.
 */
Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Tooltip);

export { Chart };

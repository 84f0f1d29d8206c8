// Completion rate (bars) and overdue count (line) per organization, drawn with ECharts, loaded only on this page
// (index.html's import map points `echarts` at node_modules' ES module build).
import { useEffect, useRef } from 'preact/hooks';
import { html } from '../lib/html.js';

export function CountyChart({ organizations }) {
  const box = useRef(null);
  useEffect(() => {
    let chart;
    let live = true;
    const resize = () => chart?.resize();
    import('echarts').then((echarts) => {
      if (!live || !box.current) return;
      chart = echarts.init(box.current, null, { renderer: 'svg' });
      chart.setOption(chartOption(organizations, box.current.clientWidth < 600));
      window.addEventListener('resize', resize);
      box.current.dataset.rendered = 'true';
    });
    return () => {
      live = false;
      window.removeEventListener('resize', resize);
      chart?.dispose();
    };
  }, [organizations]);
  return html`<div class="county-chart" ref=${box} role="img" aria-label="各单位完成率与逾期数图表"></div>`;
}

function chartOption(organizations, narrow) {
  const names = organizations.map((row) => shortName(row.name));
  const rotate = narrow || names.length > 8 ? 45 : 0;
  return {
    color: ['#1d4f91', '#c0261d'],
    tooltip: { trigger: 'axis' },
    legend: { data: ['完成率（%）', '逾期（项）'], top: 0 },
    // On a phone the axis names sit below the legend, not beside it.
    grid: { left: 48, right: 48, top: narrow ? 64 : 44, bottom: rotate ? 72 : 36 },
    xAxis: {
      type: 'category',
      data: names,
      axisLabel: { interval: 0, rotate, fontSize: 12 },
    },
    yAxis: [
      { type: 'value', name: '完成率', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      { type: 'value', name: '逾期', minInterval: 1, splitLine: { show: false } },
    ],
    series: [
      { name: '完成率（%）', type: 'bar', data: organizations.map((row) => row.rate), barMaxWidth: 28 },
      {
        name: '逾期（项）',
        type: 'line',
        yAxisIndex: 1,
        data: organizations.map((row) => row.overdue),
        symbolSize: 7,
      },
    ],
  };
}

/** 鲁山县张良镇人民政府 → 张良镇: the axis has room for the place name only. */
function shortName(name) {
  const place = name.replace(/人民政府.*$/u, '').replace(/^.+?[县市区](?=.+[镇乡街道县市区])/u, '');
  return place || name;
}

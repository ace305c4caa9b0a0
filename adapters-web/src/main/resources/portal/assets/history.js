/*
 * The history charts of the UPS Status page, drawn with uPlot from the page's data island
 * (<script type="application/json" id="history-data">, which HistoryCharts writes and no browser executes).
 * One chart per measurement: the mean as a line, the lowest to highest as a band, the times the UPS ran on
 * battery shaded, the time axis in the UPS's time zone, the cursor shared by the charts. Without the island
 * (every other page) or without uPlot this does nothing: the page's summary and table show the numbers.
 */
(function () {
  'use strict';

  var island = document.getElementById('history-data');
  var holder = document.querySelector('[data-history-charts]');
  if (!island || !holder || typeof window.uPlot !== 'function') {
    return;
  }
  var data;
  try {
    data = JSON.parse(island.textContent);
  } catch (e) {
    return;
  }

  var BRAND = '#0a6e3c';
  var BAND = 'rgba(10, 110, 60, 0.18)';
  var EDGE = 'rgba(10, 110, 60, 0.45)';
  var BATTERY = 'rgba(240, 162, 2, 0.30)';
  var INK = '#1f2328';
  var GRID = 'rgba(0, 0, 0, 0.08)';

  // The zone as Intl knows it; one it does not know (an old browser) falls back to UTC rather than no chart.
  var zone = data.zone;
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone }).format(new Date());
  } catch (e) {
    zone = 'UTC';
  }
  function tzDate(seconds) {
    return uPlot.tzDate(new Date(seconds * 1000), zone);
  }

  // 24-hour times and day-month dates, as the rest of the portal writes them.
  var stamps = [
    [3600 * 24 * 365, '{YYYY}', null, null, null, null, null, null, 1],
    [3600 * 24 * 28, '{MMM}', '\n{YYYY}', null, null, null, null, null, 1],
    [3600 * 24, '{D} {MMM}', '\n{YYYY}', null, null, null, null, null, 1],
    [3600, '{HH}:{mm}', '\n{D} {MMM}', null, '\n{D} {MMM}', null, null, null, 1],
    [60, '{HH}:{mm}', '\n{D} {MMM}', null, '\n{D} {MMM}', null, null, null, 1]
  ];

  // The legend's time where the cursor points, as the page's table writes it; a dash where it points nowhere.
  var legendTime = uPlot.fmtDate('{D} {MMM} {YYYY}, {HH}:{mm}');
  function timeOf(u, seconds) {
    return seconds == null ? '–' : legendTime(tzDate(seconds));
  }

  function shadeOnBattery(u) {
    var ctx = u.ctx;
    var left = u.bbox.left;
    var right = u.bbox.left + u.bbox.width;
    ctx.save();
    ctx.fillStyle = BATTERY;
    data.onBattery.forEach(function (period) {
      var x0 = Math.max(left, u.valToPos(period[0], 'x', true));
      var x1 = Math.min(right, u.valToPos(period[1], 'x', true));
      // A few minutes in 90 days is less than a pixel: still a visible stripe.
      var minimum = 2 * (window.devicePixelRatio || 1);
      if (x1 - x0 < minimum) {
        x1 = Math.min(right, x0 + minimum);
      }
      if (x1 > x0) {
        ctx.fillRect(x0, u.bbox.top, x1 - x0, u.bbox.height);
      }
    });
    ctx.restore();
  }

  function size(element) {
    var width = Math.max(200, element.clientWidth);
    return { width: width, height: Math.round(Math.max(190, Math.min(240, width * 0.3))) };
  }

  function valueOf(unit) {
    return function (u, value) {
      return value == null ? '–' : value + ' ' + unit;
    };
  }

  holder.hidden = false;
  var charts = [];
  data.charts.forEach(function (chart) {
    var element = document.getElementById(chart.id);
    var columns = data.series[chart.key];
    if (!element || !columns) {
      return;
    }
    var dimensions = size(element);
    var options = {
      width: dimensions.width,
      height: dimensions.height,
      tzDate: tzDate,
      cursor: { sync: { key: 'history' }, drag: { x: false, y: false } },
      legend: { live: true },
      scales: {
        x: { time: true, range: [data.from, data.to] },
        y: {
          range: function (u, min, max) {
            if (chart.percent) {
              return [0, 100];
            }
            if (min == null || max == null) {
              return [0, 1];
            }
            var pad = Math.max(1, (max - min) * 0.1);
            return [Math.max(0, Math.floor(min - pad)), Math.ceil(max + pad)];
          }
        }
      },
      axes: [
        { values: stamps, stroke: INK, grid: { stroke: GRID }, ticks: { stroke: GRID } },
        { stroke: INK, grid: { stroke: GRID }, ticks: { stroke: GRID }, size: 44 }
      ],
      series: [
        { label: data.labels.time, value: timeOf },
        { label: data.labels.min, stroke: EDGE, width: 1, value: valueOf(chart.unit), points: { show: false } },
        { label: data.labels.mean, stroke: BRAND, width: 2, value: valueOf(chart.unit) },
        { label: data.labels.max, stroke: EDGE, width: 1, value: valueOf(chart.unit), points: { show: false } }
      ],
      bands: [{ series: [3, 1], fill: BAND }],
      hooks: { drawClear: [shadeOnBattery] }
    };
    charts.push({
      element: element,
      plot: new uPlot(options, [data.x, columns[0], columns[1], columns[2]], element)
    });
  });

  // The charts follow the page's width: a phone turned, a window resized.
  var lastWidth = holder.clientWidth;
  window.addEventListener('resize', function () {
    if (holder.clientWidth === lastWidth) {
      return;
    }
    lastWidth = holder.clientWidth;
    charts.forEach(function (chart) {
      chart.plot.setSize(size(chart.element));
    });
  });
})();

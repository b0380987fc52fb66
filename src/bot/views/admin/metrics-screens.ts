import type { AgencyMetrics } from '../../../domain/agency-admin.service.ts';
import type { AgencyMetricsLoaded, DayCount } from '../../../machines/agency-metrics.machine.ts';
import { type Bar, renderBarChart } from '../../charts/bar-chart.ts';
import type { Locale, Messages } from '../../i18n/index.ts';
import { formatTenge } from '../../parse/money.ts';
import type { OutgoingMessage } from '../../screen.ts';

type Counts = AgencyMetrics['allTime']['bookings'];

/** `2026-11` → «Ноябрь 2026» / «November 2026». */
export function monthTitle(month: string, locale: Locale): string {
  const name = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }).format(
    new Date(`${month}-01T00:00:00Z`),
  );
  return `${name.charAt(0).toUpperCase()}${name.slice(1)} ${month.slice(0, 4)}`;
}

function periodLines(t: Messages, bookings: Counts, revenue: number): string[] {
  const texts = t.superAdmin.metrics;
  return [
    texts.bookings(bookings.total),
    texts.byStatus(bookings.pending, bookings.confirmed, bookings.completed, bookings.cancelled),
    texts.revenue(formatTenge(revenue)),
  ];
}

function topLines(t: Messages, metrics: AgencyMetrics): string[] {
  const texts = t.superAdmin.metrics;
  const listings = metrics.topListings.map((top, i) =>
    texts.topListing(i + 1, top.title, top.realtorName, formatTenge(top.revenue), top.bookings),
  );
  const realtors = metrics.topRealtors.map((top, i) =>
    texts.topRealtor(i + 1, top.fullName, formatTenge(top.revenue), top.bookings),
  );
  return [
    [texts.topListings, ...(listings.length > 0 ? listings : [texts.topEmpty])].join('\n'),
    [texts.topRealtors, ...(realtors.length > 0 ? realtors : [texts.topEmpty])].join('\n'),
  ];
}

/** The figures as one message, with «📥 Выгрузить брони (CSV)» and «✖️ Закрыть». */
export function metricsMessage(t: Messages, locale: Locale, metrics: AgencyMetrics): OutgoingMessage {
  const texts = t.superAdmin.metrics;
  const rating =
    metrics.averageRating === null
      ? texts.noRating
      : texts.rating(
          new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(metrics.averageRating),
        );
  const sections = [
    [texts.title(metrics.agency.name), ...(metrics.agency.active ? [] : [texts.inactive])].join('\n'),
    [
      texts.realtors(metrics.realtors.active, metrics.realtors.total),
      texts.listings(metrics.listings.published, metrics.listings.total),
      texts.occupancy(Math.round(metrics.occupancy * 100)),
      rating,
    ].join('\n'),
    [
      texts.thisMonth(monthTitle(metrics.thisMonth.month, locale)),
      ...periodLines(t, metrics.thisMonth.bookings, metrics.thisMonth.revenue),
    ].join('\n'),
    [texts.allTime, ...periodLines(t, metrics.allTime.bookings, metrics.allTime.revenue)].join('\n'),
    ...topLines(t, metrics),
  ];
  return {
    text: sections.join('\n\n'),
    inline: [
      [{ text: texts.buttons.export, callback: { action: 'bexport', id: 0 } }],
      [{ text: texts.buttons.close, callback: { action: 'close', id: 0 } }],
    ],
  };
}

/** Bars of the days, labelled `dd.mm` every fifth day counting back from today (which is labelled). */
export function dayBars(days: DayCount[]): Bar[] {
  return days.map((day, index) => ({
    value: day.count,
    label: (days.length - 1 - index) % 5 === 0 ? `${day.date.slice(8, 10)}.${day.date.slice(5, 7)}` : '',
  }));
}

/** The chart of bookings per day as a photo, with the total in its caption. */
export function chartMessage(t: Messages, perDay: DayCount[]): OutgoingMessage {
  const total = perDay.reduce((sum, day) => sum + day.count, 0);
  return {
    text: t.superAdmin.metrics.chartCaption(total),
    photo: { png: renderBarChart(dayBars(perDay)), filename: 'bookings-per-day.png' },
  };
}

/** «📊 Агентство»: the chart, then the figures with the buttons under them. */
export function metricsScreen(t: Messages, locale: Locale, loaded: AgencyMetricsLoaded): OutgoingMessage[] {
  return [chartMessage(t, loaded.perDay), metricsMessage(t, locale, loaded.metrics)];
}

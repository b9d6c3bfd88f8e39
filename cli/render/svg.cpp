#include "cli/render/svg.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace gevinst::cli {

std::string html_escape(std::string_view s) {
  std::string o;
  o.reserve(s.size());
  for (char c : s) switch (c) {
      case '&': o += "&amp;"; break;
      case '<': o += "&lt;"; break;
      case '>': o += "&gt;"; break;
      case '"': o += "&quot;"; break;
      default: o.push_back(c);
    }
  return o;
}

namespace {

// Colour-blind-safe palette (Okabe and Ito, "Color Universal Design", 2002).
const char* const kColours[] = {"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442"};
const char* colour(size_t i) { return kColours[i % std::size(kColours)]; }

constexpr double kWidth = 720;

// A value axis: from lo to hi in steps of `step`, shown divided by `scale`.
struct Axis {
  double lo = 0, hi = 1, step = 1, scale = 1;
  double at(double v, double from, double to) const { return from + (v - lo) / (hi - lo) * (to - from); }
};

// Round steps (1, 2, 5 x 10^k) with about five ticks, zero included.
Axis nice_axis(double lo, double hi) {
  lo = std::min(lo, 0.0);
  hi = std::max(hi, 0.0);
  if (hi - lo < 1e-12) hi = lo + 1;
  const double raw = (hi - lo) / 5;
  const double mag = std::pow(10, std::floor(std::log10(raw)));
  double step = mag;
  for (double m : {1.0, 2.0, 5.0, 10.0})
    if (m * mag >= raw) {
      step = m * mag;
      break;
    }
  Axis a;
  a.step = step;
  a.lo = std::floor(lo / step - 1e-9) * step;
  a.hi = std::ceil(hi / step + 1e-9) * step;
  const double peak = std::max(std::fabs(a.lo), std::fabs(a.hi));
  a.scale = peak >= 1e6 ? 1e6 : 1;
  return a;
}

std::string tick_text(double v, const Axis& a, const Style& st) {
  const double shown = v / a.scale;
  const double step = a.step / a.scale;
  const int decimals = step >= 1 ? 0 : std::min(3, static_cast<int>(std::ceil(-std::log10(step) - 1e-9)));
  return st.number(shown, decimals);
}

std::string unit_text(const Chart& c, const Axis& a, const Style& st) {
  return a.scale == 1 ? c.y_label : st.trf("million {}", c.y_label);
}

Axis value_axis(const Chart& c) {
  double lo = 0, hi = 0;
  for (const auto& s : c.series)
    for (double v : s.values)
      if (std::isfinite(v)) {
        lo = std::min(lo, v);
        hi = std::max(hi, v);
      }
  for (const auto& r : c.rules) {
    lo = std::min(lo, r.value);
    hi = std::max(hi, r.value);
  }
  return nice_axis(lo, hi);
}

std::string legend(const Chart& c, double y) {
  if (c.series.size() < 2 || c.kind == Chart::Kind::ranges) return {};
  std::string out;
  double x = 80;
  for (size_t i = 0; i < c.series.size(); ++i) {
    out += fmt::format(R"(<rect x="{:.1f}" y="{:.1f}" width="12" height="12" fill="{}"/>)", x, y - 10,
                       colour(i));
    out += fmt::format(R"(<text x="{:.1f}" y="{:.1f}">{}</text>)", x + 16, y, html_escape(c.series[i].name));
    x += 28 + 7.0 * static_cast<double>(c.series[i].name.size());
  }
  return out + "\n";
}

// Line and vertical bar charts: categories along x, values up y.
std::string vertical(const Chart& c, const Style& st) {
  const double H = 320, left = 78, right = kWidth - 16, top = 36, bottom = H - 52;
  const Axis a = value_axis(c);
  std::string out;
  for (double v = a.lo; v <= a.hi + a.step / 2; v += a.step) {
    const double y = a.at(v, bottom, top);
    out += fmt::format(R"(<line class="grid" x1="{:.1f}" y1="{:.1f}" x2="{:.1f}" y2="{:.1f}"/>)", left, y,
                       right, y);
    out += fmt::format(R"(<text class="tick" x="{:.1f}" y="{:.1f}" text-anchor="end">{}</text>)", left - 6,
                       y + 4, tick_text(v, a, st));
  }
  out += "\n";
  const size_t n = c.labels.size();
  const double band = n ? (right - left) / static_cast<double>(n) : 1;
  const size_t every = std::max<size_t>(1, (n + 14) / 15);
  for (size_t i = 0; i < n; i += every)
    out += fmt::format(R"(<text class="tick" x="{:.1f}" y="{:.1f}" text-anchor="middle">{}</text>)",
                       left + band * (static_cast<double>(i) + 0.5), bottom + 16, html_escape(c.labels[i]));
  const double zero = a.at(0, bottom, top);
  if (c.kind == Chart::Kind::bars) {
    const double width = band * 0.8 / static_cast<double>(std::max<size_t>(1, c.series.size()));
    for (size_t s = 0; s < c.series.size(); ++s)
      for (size_t i = 0; i < n && i < c.series[s].values.size(); ++i) {
        const double v = c.series[s].values[i], y = a.at(v, bottom, top);
        const double x = left + band * (static_cast<double>(i) + 0.1) + width * static_cast<double>(s);
        out += fmt::format(R"(<rect x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}" fill="{}"/>)", x,
                           std::min(y, zero), width, std::fabs(zero - y), colour(s));
      }
  } else {
    for (size_t s = 0; s < c.series.size(); ++s) {
      std::string points;
      for (size_t i = 0; i < n && i < c.series[s].values.size(); ++i)
        points += fmt::format("{:.1f},{:.1f} ", left + band * (static_cast<double>(i) + 0.5),
                              a.at(c.series[s].values[i], bottom, top));
      out += fmt::format(R"(<polyline fill="none" stroke="{}" stroke-width="2.5" points="{}"/>)", colour(s),
                         points);
    }
  }
  out += "\n";
  for (const auto& r : c.rules) {
    const double y = a.at(r.value, bottom, top);
    out += fmt::format(R"(<line class="rule" x1="{:.1f}" y1="{:.1f}" x2="{:.1f}" y2="{:.1f}"/>)", left, y,
                       right, y);
    if (r.label != "0")
      out += fmt::format(R"(<text class="rule-label" x="{:.1f}" y="{:.1f}" text-anchor="end">{}</text>)",
                         right, y - 4, html_escape(r.label));
  }
  out += fmt::format(R"(<line class="axis" x1="{0:.1f}" y1="{1:.1f}" x2="{2:.1f}" y2="{1:.1f}"/>)", left,
                     bottom, right);
  out += fmt::format(R"(<line class="axis" x1="{0:.1f}" y1="{1:.1f}" x2="{0:.1f}" y2="{2:.1f}"/>)", left, top,
                     bottom);
  out += fmt::format(R"(<text class="axis-label" x="{:.1f}" y="{:.1f}" text-anchor="middle">{}</text>)",
                     (left + right) / 2, H - 12, html_escape(c.x_label));
  out += fmt::format(
      R"svg(<text class="axis-label" transform="translate(16 {:.1f}) rotate(-90)" text-anchor="middle">{}</text>)svg",
      (top + bottom) / 2, html_escape(unit_text(c, a, st)));
  out += '\n';
  out += legend(c, 20);
  return fmt::format(R"(<svg viewBox="0 0 {} {}" width="100%" role="img" aria-labelledby)", kWidth, H) + out;
}

// Horizontal bars and ranges: one row per label, values along x.
std::string horizontal(const Chart& c, const Style& st) {
  const size_t n = c.labels.size();
  const double row = 24, left = 190, right = kWidth - 24, top = 16;
  const double bottom = top + row * static_cast<double>(std::max<size_t>(n, 1));
  const double H = bottom + 52;
  const Axis a = value_axis(c);
  std::string out;
  for (double v = a.lo; v <= a.hi + a.step / 2; v += a.step) {
    const double x = a.at(v, left, right);
    out += fmt::format(R"(<line class="grid" x1="{:.1f}" y1="{:.1f}" x2="{:.1f}" y2="{:.1f}"/>)", x, top, x,
                       bottom);
    out += fmt::format(R"(<text class="tick" x="{:.1f}" y="{:.1f}" text-anchor="middle">{}</text>)", x,
                       bottom + 16, tick_text(v, a, st));
  }
  const double zero = a.at(0, left, right);
  for (size_t i = 0; i < n; ++i) {
    const double y = top + row * static_cast<double>(i);
    std::string label = c.labels[i].size() > 28 ? c.labels[i].substr(0, 26) + "…" : c.labels[i];
    out += fmt::format(R"(<text class="tick" x="{:.1f}" y="{:.1f}" text-anchor="end">{}</text>)", left - 6,
                       y + row * 0.65, html_escape(label));
    if (c.kind == Chart::Kind::ranges && c.series.size() >= 2 && i < c.series[0].values.size() &&
        i < c.series[1].values.size()) {
      const double x0 = a.at(c.series[0].values[i], left, right),
                   x1 = a.at(c.series[1].values[i], left, right);
      out += fmt::format(R"(<rect x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}" fill="{}"/>)",
                         std::min(x0, x1), y + 4, std::max(1.0, std::fabs(x1 - x0)), row - 8, colour(0));
    } else if (!c.series.empty() && i < c.series[0].values.size()) {
      const double x = a.at(c.series[0].values[i], left, right);
      out += fmt::format(R"(<rect x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}" fill="{}"/>)",
                         std::min(x, zero), y + 4, std::fabs(x - zero), row - 8,
                         c.series[0].values[i] < 0 ? colour(5) : colour(0));
    }
  }
  for (const auto& r : c.rules) {
    const double x = a.at(r.value, left, right);
    out += fmt::format(R"(<line class="rule" x1="{:.1f}" y1="{:.1f}" x2="{:.1f}" y2="{:.1f}"/>)", x, top - 4,
                       x, bottom);
    out += fmt::format(R"(<text class="rule-label" x="{:.1f}" y="{:.1f}" text-anchor="middle">{}</text>)", x,
                       top - 6 < 10 ? 10.0 : top - 6, html_escape(r.label));
  }
  out += fmt::format(R"(<line class="axis" x1="{0:.1f}" y1="{1:.1f}" x2="{0:.1f}" y2="{2:.1f}"/>)", zero, top,
                     bottom);
  out += fmt::format(R"(<text class="axis-label" x="{:.1f}" y="{:.1f}" text-anchor="middle">{}</text>)",
                     (left + right) / 2, H - 12, html_escape(unit_text(c, a, st)));
  return fmt::format(R"(<svg viewBox="0 0 {} {:.0f}" width="100%" role="img" aria-labelledby)", kWidth, H) +
         out;
}

}  // namespace

std::string render_svg(const Chart& c, const Style& st, int id) {
  std::string body =
      c.kind == Chart::Kind::hbars || c.kind == Chart::Kind::ranges ? horizontal(c, st) : vertical(c, st);
  // The opening tag ends in aria-labelledby; its value and the text alternative follow.
  const size_t end = body.find("aria-labelledby") + std::string_view("aria-labelledby").size();
  std::string head = body.substr(0, end) +
                     fmt::format(R"(="chart{0}-title chart{0}-desc"><title id="chart{0}-title">{1}</title>)"
                                 R"(<desc id="chart{0}-desc">{2}</desc>)",
                                 id, html_escape(c.title), html_escape(c.description)) +
                     "\n";
  return head + body.substr(end) + "</svg>\n";
}

}  // namespace gevinst::cli

// The capacity sheet (docs/case-format.md, "Capacity release"): per activity
// its inputs as formulas over the parameters, then per year
//   hours = hours per event x events per year x adoption(y)   (from..to)
//   realisable hours = hours x realisable
//   FTE = realisable hours / fte_hours
//   value = realisable hours x hour cost
// and the totals: FTE freed at full effect = MAX of the yearly FTE.
#include <fmt/format.h>

#include <algorithm>
#include <numeric>

#include "cli/render/workbook_book.h"
#include "cli/render/xlsx_formula.h"
#include "libeval/flows.h"
#include "libeval/parameters.h"

namespace gevinst::cli::wb {

namespace {

const StaffGroup* staff_group(const Case& c, const std::string& id) {
  for (const StaffGroup& g : c.capacity.staff)
    if (g.id == id) return &g;
  return nullptr;
}

}  // namespace

void write_capacity(Book& b) {
  if (!b.d->capacity || !b.capacity) return;
  lxw_worksheet* ws = b.capacity;
  const Case& c = *b.c;
  const CapacityResult& r = *b.d->capacity;
  const Style& st = b.st;
  const int last = kFirstYearCol + b.horizon() - 1;
  text(ws, 0, 0, st.trf("Capacity release: {}", c.info.title.empty() ? c.info.id : c.info.title), b.f.title);
  text(ws, 1, 0,
       st.tr("hours = hours per event x events per year x adoption; realisable hours = hours x realisable "
             "share; FTE = realisable hours / fte_hours; value = realisable hours x hour cost."),
       b.f.note);
  year_header(b, ws, kYearRow, st.tr("Activity"));
  text(ws, kYearRow, kIdCol, "id", b.f.header);  // the case file's key
  text(ws, kYearRow, kKindCol, st.tr("Staff"), b.f.header);
  text(ws, kYearRow, kPartyCol, st.tr("Party"), b.f.header);
  text(ws, kYearRow, kSourceCol, st.tr("In the case file"), b.f.header);
  text(ws, kYearRow, kPvCol, st.tr("Input / total"), b.f.header);

  int row = kIndexRow + 2;
  std::vector<int> hours_rows, real_rows, fte_rows, value_rows;
  for (size_t k = 0; k < c.capacity.activities.size(); ++k) {
    const Activity& a = c.capacity.activities[k];
    const ActivitySeries& s = r.activities[k];
    const StaffGroup* g = staff_group(c, a.staff);
    text(ws, row, kLabelCol, a.label.empty() ? a.id : a.label, b.f.heading);
    text(ws, row, kIdCol, a.id);
    text(ws, row, kKindCol, a.staff);
    text(ws, row, kPartyCol, a.party);
    text(ws, row, kSourceCol, a.monetise ? st.tr("monetised: a capacity benefit") : st.tr("not monetised"));
    ++row;
    // Inputs in the total column, each a formula over the parameters.
    auto input = [&](const std::string& label, const std::string& basis, const std::optional<std::string>& f,
                     double v, lxw_format* fmt) {
      text(ws, row, kLabelCol, "  " + label);
      text(ws, row, kSourceCol, basis);
      put(b, ws, row, kPvCol, f, v, fmt);
      return row++;
    };
    const double per_event = value_of(a.time_saved, b.d->bc->params, c.file) / (a.in_minutes ? 60.0 : 1.0);
    auto ft = formula(b, a.time_saved);
    const int per_event_row =
        input(st.tr("Hours saved per event"),
              (a.in_minutes ? "minutes_saved " : "hours_saved ") + a.time_saved.text,
              ft ? std::optional<std::string>(a.in_minutes ? grouped(*ft) + "/60" : *ft) : std::nullopt,
              per_event, b.f.number);
    const int events_row =
        input(st.tr("Events per year"), a.events_per_year.text, formula(b, a.events_per_year),
              value_of(a.events_per_year, b.d->bc->params, c.file), b.f.number);
    const int real_share_row =
        a.realisable.present ? input(st.tr("Realisable share"), a.realisable.text, formula(b, a.realisable),
                                     value_of(a.realisable, b.d->bc->params, c.file), b.f.share)
                             : input(st.tr("Realisable share"), st.trf("default {}", 1), "1", 1.0, b.f.share);
    const int cost_row = input(
        st.tr("Hour cost"), g ? (g->preset.empty() ? g->hour_cost.text : st.trf("preset {}", g->preset)) : "",
        g ? formula(b, g->hour_cost) : std::optional<std::string>("0"), s.hour_cost, b.f.money);
    // adoption(y), 0 outside from..to
    const int adoption_row = row++;
    text(ws, adoption_row, kLabelCol, "  " + st.tr("Adoption share"));
    text(ws, adoption_row, kSourceCol,
         st.trf("years {}-{}", a.from, a.to) +
             (a.adoption.kind == Profile::Kind::none ? "" : st.tr(", adoption profile")));
    const int rows[4] = {row, row + 1, row + 2, row + 3};
    const std::string labels[4] = {st.tr("Hours"), st.tr("Realisable hours"), st.tr("FTE"), st.tr("Value")};
    const std::vector<double>* values[4] = {&s.hours, &s.realisable_hours, &s.fte, &s.value};
    for (int t = 0; t < b.horizon(); ++t) {
      const int y = c.assumptions.start_year + t;
      const int col = kFirstYearCol + t;
      const bool active = y >= a.from && y <= a.to;
      put(b, ws, adoption_row, col, active ? share_formula(b, a.adoption, y) : "0",
          active ? profile_share(a.adoption, y, b.d->bc->params, c.file) : 0.0, b.f.share);
      const std::string h = active ? cell(per_event_row, kPvCol, true) + "*" +
                                         cell(events_row, kPvCol, true) + "*" + cell(adoption_row, col)
                                   : "0";
      const std::string fs[4] = {h, cell(rows[0], col) + "*" + cell(real_share_row, kPvCol, true),
                                 cell(rows[1], col) + "/fte_hours",
                                 cell(rows[1], col) + "*" + cell(cost_row, kPvCol, true)};
      for (int q = 0; q < 4; ++q)
        put(b, ws, rows[q], col, fs[q], (*values[q])[static_cast<size_t>(t)],
            q == 2 ? b.f.number : b.f.money);
    }
    for (int q = 0; q < 4; ++q) {
      text(ws, rows[q], kLabelCol, "  " + labels[q]);
      const double sum = std::accumulate(values[q]->begin(), values[q]->end(), 0.0);
      const double mx = values[q]->empty() ? 0 : *std::max_element(values[q]->begin(), values[q]->end());
      put(b, ws, rows[q], kPvCol, (q == 2 ? "MAX(" : "SUM(") + range(rows[q], kFirstYearCol, last) + ")",
          q == 2 ? mx : sum, q == 2 ? b.f.number : b.f.money);
    }
    hours_rows.push_back(rows[0]);
    real_rows.push_back(rows[1]);
    fte_rows.push_back(rows[2]);
    value_rows.push_back(rows[3]);
    b.activity_value_row[a.id] = rows[3];
    row += 5;
  }

  text(ws, row++, kLabelCol, st.tr("Totals"), b.f.heading);
  const CapacityTotals& tot = r.total;
  const std::string labels[4] = {st.tr("Hours"), st.tr("Realisable hours"), st.tr("FTE (årsværk)"),
                                 st.tr("Value")};
  const std::vector<int>* parts[4] = {&hours_rows, &real_rows, &fte_rows, &value_rows};
  const std::vector<double>* cached[4] = {&tot.hours_by_year, &tot.realisable_by_year, &tot.fte_by_year,
                                          &tot.value_by_year};
  const char* keys[4] = {"capacity.hours", "capacity.realisable_hours", "capacity.fte", "capacity.value"};
  const double totals[4] = {tot.hours, tot.realisable_hours, tot.fte, tot.value};
  int fte_row = -1, value_row = -1;
  for (int q = 0; q < 4; ++q, ++row) {
    text(ws, row, kLabelCol, labels[q]);
    for (int t = 0; t < b.horizon(); ++t) {
      std::string f;
      for (int pr : *parts[q]) add_term(f, cell(pr, kFirstYearCol + t), '+');
      const double v = t < static_cast<int>(cached[q]->size()) ? (*cached[q])[static_cast<size_t>(t)] : 0.0;
      put(b, ws, row, kFirstYearCol + t, f.empty() ? "0" : f, v, q == 2 ? b.f.number : b.f.money);
    }
    put(b, ws, row, kPvCol, (q == 2 ? "MAX(" : "SUM(") + range(row, kFirstYearCol, last) + ")", totals[q],
        q == 2 ? b.f.number : b.f.money);
    b.summary_cell[keys[q]] = ref(b.sheet.capacity, row, kPvCol);
    if (q == 2) fte_row = row;
    if (q == 3) value_row = row;
  }
  text(ws, row, kLabelCol, st.tr("FTE-years (sum of yearly FTE)"));
  put(b, ws, row, kPvCol, "SUM(" + range(fte_row, kFirstYearCol, last) + ")", tot.fte_years, b.f.number);
  b.summary_cell["capacity.fte_years"] = ref(b.sheet.capacity, row++, kPvCol);
  text(ws, row, kLabelCol, st.tr("PV of the value"));
  put(b, ws, row, kPvCol,
      "SUMPRODUCT(" + ref(b.sheet.flows, kDfRow, kFirstYearCol, true) + ":" + cell(kDfRow, last, true) + "," +
          range(value_row, kFirstYearCol, last) + ")",
      r.value_pv, b.f.money);
  b.summary_cell["capacity.value_pv"] = ref(b.sheet.capacity, row++, kPvCol);
  if (c.capacity.target_fte && r.target_fte) {
    text(ws, row, kLabelCol, st.tr("Target FTE"));
    text(ws, row, kSourceCol, c.capacity.target_fte->text);
    put(b, ws, row, kPvCol, formula(b, *c.capacity.target_fte), *r.target_fte, b.f.number);
    const int target_row = row++;
    text(ws, row, kLabelCol, st.tr("FTE / target"));
    put(b, ws, row, kPvCol, cell(fte_row, kPvCol) + "/" + cell(target_row, kPvCol),
        r.target_share.value_or(0), b.f.share);
    b.summary_cell["capacity.target_share"] = ref(b.sheet.capacity, row++, kPvCol);
  }
  worksheet_set_column(ws, kLabelCol, kLabelCol, 40, nullptr);
  worksheet_set_column(ws, kIdCol, kPartyCol, 14, nullptr);
  worksheet_set_column(ws, kSourceCol, kSourceCol, 30, nullptr);
  worksheet_set_column(ws, kPvCol, last, 12, nullptr);
  worksheet_freeze_panes(ws, kIndexRow + 1, kPvCol + 1);
}

}  // namespace gevinst::cli::wb

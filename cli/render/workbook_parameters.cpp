// The Parameters sheet: every parameter as a named input cell (p_NAME), with
// its unit, range, distribution and source, and the assumptions that drive
// the formulas (hours per FTE, the discount rate steps) as named cells too.
#include <algorithm>
#include <cctype>
#include <set>

#include "cli/render/workbook_book.h"
#include "cli/render/xlsx_formula.h"
#include "libeval/parameters.h"

namespace gevinst::cli::wb {

namespace {

// Defined names are case-insensitive and must not look like a cell ("AB12",
// "R1C1"): the prefix p_ rules that out; a clash between two parameters that
// differ only in case gets the parameter's position appended.
std::vector<std::string> parameter_names(const Case& c) {
  std::vector<std::string> out;
  std::set<std::string> used;
  for (size_t i = 0; i < c.parameters.size(); ++i) {
    std::string n = "p_" + c.parameters[i].name;
    std::string key = n;
    std::transform(key.begin(), key.end(), key.begin(), [](unsigned char ch) { return std::tolower(ch); });
    if (!used.insert(key).second) {
      n.append("_").append(std::to_string(i + 1));
      used.insert(key.append("_").append(std::to_string(i + 1)));
    }
    out.push_back(n);
  }
  return out;
}

// The value in force: the last override of the parameter, else its own.
const Number& value_in_force(const Book& b, size_t i, std::string* origin) {
  const Number* n = &b.c->parameters[i].value;
  *origin = b.st.tr("case file");
  for (const Override& o : b.d->overrides) {
    if (o.parameter != static_cast<int>(i)) continue;
    n = &o.value;
    *origin = b.st.trf("scenario {}", b.d->scenario);
    for (const std::string& s : b.d->provenance.overrides)
      if (s.rfind(o.name + "=", 0) == 0) *origin = b.st.tr("set on the command line");
  }
  return *n;
}

void range_cell(const Book& b, int row, int col, const std::optional<Number>& n) {
  if (!n) return;
  try {
    const double v = value_of(*n, b.d->bc->params, b.c->file);
    put(b, b.parameters, row, col, n->program.is_constant() ? std::nullopt : formula(b, *n), v, b.f.number);
  } catch (const InputError&) {
    text(b.parameters, row, col, n->text);
  }
}

std::string distribution_text(const Parameter& p) {
  if (!p.dist) return {};
  std::string s = p.dist->kind + "(";
  for (size_t k = 0; k < p.dist->args.size(); ++k) s += (k ? ", " : "") + p.dist->args[k].text;
  return s + ")";
}

void define(const Book& b, const std::string& name, int row, int col) {
  workbook_define_name(b.wb, name.c_str(),
                       std::string("=").append(ref(b.sheet.parameters, row, col, true)).c_str());
}

}  // namespace

void write_parameters(Book& b) {
  lxw_worksheet* ws = b.parameters;
  const Case& c = *b.c;
  const Style& st = b.st;
  b.names = parameter_names(c);
  text(ws, 0, 0, st.trf("Parameters of {}", c.info.id), b.f.title);
  text(ws, 1, 0,
       st.tr("Yellow cells are inputs: change one and every sheet recalculates. Formulas refer to them by "
             "the defined name in column C. Grey italic cells are values no formula expresses."),
       b.f.note);
  const std::string heads[] = {st.tr("Parameter"),    st.tr("Value"),
                               st.tr("Defined name"), st.tr("Unit"),
                               st.tr("Low"),          st.tr("High"),
                               st.tr("Distribution"), st.tr("Source"),
                               st.tr("In force"),     st.tr("In the case file")};
  for (int k = 0; k < 10; ++k) text(ws, 3, k, heads[k], b.f.header);
  int row = 4;
  for (size_t i = 0; i < c.parameters.size(); ++i, ++row) {
    const Parameter& p = c.parameters[i];
    std::string origin;
    const Number& n = value_in_force(b, i, &origin);
    text(ws, row, 0, p.label.empty() ? p.name : p.name + " (" + p.label + ")");
    const double v = b.d->bc->params[i];
    if (n.program.is_constant())
      number(ws, row, 1, v, b.f.input);
    else
      put(b, ws, row, 1, formula(b, n), v, b.f.number);
    define(b, b.names[i], row, 1);
    text(ws, row, 2, b.names[i]);
    text(ws, row, 3, p.unit);
    range_cell(b, row, 4, p.low);
    range_cell(b, row, 5, p.high);
    text(ws, row, 6, distribution_text(p));
    text(ws, row, 7, p.source);
    text(ws, row, 8, origin);
    text(ws, row, 9, n.text);
  }

  const Assumptions& a = c.assumptions;
  row += 1;
  text(ws, row++, 0, st.tr("Assumptions"), b.f.heading);
  auto fact = [&](const std::string& label, const std::string& value) {
    text(ws, row, 0, label);
    text(ws, row++, 1, value);
  };
  fact(st.tr("Start year (year index 0)"), std::to_string(a.start_year));
  fact(st.tr("Horizon (years)"), std::to_string(a.horizon));
  fact(st.tr("Currency"), a.currency);
  fact(st.tr("Timing"),
       a.timing == Timing::mid ? st.tr("mid-year: DF(t) / SQRT(1 + r(t+1))") : st.tr("end of year: DF(t)"));
  text(ws, row, 0, st.tr("Hours per FTE (årsværk)"));
  number(ws, row, 1, a.fte_hours, b.f.input);
  define(b, "fte_hours", row, 1);
  text(ws, row, 2, "fte_hours");
  text(ws, row, 7, a.fte_hours_preset.empty() ? st.tr("case file") : st.trf("preset {}", a.fte_hours_preset));
  ++row;
  b.rate_names.clear();
  for (const RateStep& s : a.discounting.steps) {
    const std::string name = "rate_from_" + std::to_string(s.from_index);
    text(ws, row, 0, st.trf("Discount rate from year index {}", s.from_index));
    number(ws, row, 1, s.rate, b.f.input_share);
    define(b, name, row, 1);
    text(ws, row, 2, name);
    text(
        ws, row, 7,
        a.discounting.name.empty() ? a.discounting.source : a.discounting.name + ": " + a.discounting.source);
    b.rate_names.push_back(name);
    ++row;
  }
  worksheet_set_column(ws, 0, 0, 34, nullptr);
  worksheet_set_column(ws, 1, 1, 14, nullptr);
  worksheet_set_column(ws, 2, 2, 22, nullptr);
  worksheet_set_column(ws, 3, 3, 30, nullptr);
  worksheet_set_column(ws, 7, 7, 60, nullptr);
  worksheet_freeze_panes(ws, 4, 1);
}

}  // namespace gevinst::cli::wb

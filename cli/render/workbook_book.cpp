#include "cli/render/workbook_book.h"

#include <cctype>
#include <set>

#include "cli/render/xlsx_formula.h"
#include "libeval/parameters.h"

namespace gevinst::cli::wb {

namespace {

std::string column_letters(int col) {
  std::string s;
  for (int c = col + 1; c > 0; c = (c - 1) / 26) s.insert(s.begin(), static_cast<char>('A' + (c - 1) % 26));
  return s;
}

}  // namespace

std::string cell(int row, int col, bool absolute) {
  std::string s;
  if (absolute) s.push_back('$');
  s.append(column_letters(col));
  if (absolute) s.push_back('$');
  s.append(std::to_string(row + 1));
  return s;
}

std::string ref(const std::string& sheet, int row, int col, bool absolute) {
  std::string s(1, '\'');
  for (char ch : sheet) {
    if (ch == '\'') s.push_back('\'');
    s.push_back(ch);
  }
  s.append("'!").append(cell(row, col, absolute));
  return s;
}

SheetNames sheet_names(const Style& st) {
  std::set<std::string> used;  // in lower case: Excel's sheet names ignore case
  // ASCII and the Latin-1 letters (Æ Ø Å, U+00C0-U+00DE but ×: UTF-8 C3 80-9E) in lower case.
  auto lower = [](std::string s) {
    for (size_t i = 0; i < s.size(); ++i) {
      const auto ch = static_cast<unsigned char>(s[i]);
      if (ch < 0x80) {
        s[i] = static_cast<char>(std::tolower(ch));
      } else if (ch == 0xC3 && i + 1 < s.size()) {
        const auto next = static_cast<unsigned char>(s[++i]);
        if (next >= 0x80 && next <= 0x9E && next != 0x97) s[i] = static_cast<char>(next + 0x20);
      }
    }
    return s;
  };
  auto name = [&](const char* english, const std::string& translated) {
    size_t chars = 0;  // Excel counts characters, not UTF-8 bytes
    for (unsigned char ch : translated) chars += (ch & 0xC0) != 0x80 ? 1 : 0;
    const bool valid =
        !translated.empty() && chars <= 31 && translated.find_first_of("[]:*?/\\") == std::string::npos &&
        translated.front() != '\'' && translated.back() != '\'' && !used.contains(lower(translated));
    std::string n = valid ? translated : std::string(english);
    used.insert(lower(n));
    return n;
  };
  SheetNames n;
  n.summary = name("Summary", st.tr("Summary"));
  n.parameters = name("Parameters", st.tr("Parameters"));
  n.flows = name("Business case", st.tr("Business case"));
  n.capacity = name("Capacity", st.tr("Capacity"));
  n.sroi = name("SROI", st.tr("SROI"));
  n.financing = name("Financing", st.tr("Financing"));
  return n;
}

std::string range(int row, int col0, int col1, bool absolute) {
  return cell(row, col0, absolute) + ":" + cell(row, col1, absolute);
}

std::optional<std::string> formula(const Book& b, const Number& n) {
  return spreadsheet_formula(n.program, [&](int slot) {
    return slot >= 0 && static_cast<size_t>(slot) < b.names.size() ? b.names[static_cast<size_t>(slot)]
                                                                   : std::string("#REF!");
  });
}

std::string grouped(const std::string& t) {
  for (char ch : t)
    if (!(std::isalnum(static_cast<unsigned char>(ch)) || ch == '_' || ch == '.')) return "(" + t + ")";
  return t;
}

void put(const Book& b, lxw_worksheet* ws, int row, int col, const std::optional<std::string>& f,
         double cached, lxw_format* fmt) {
  if (f && *f == "0") {  // a year without a flow: a plain zero, not a formula
    worksheet_write_number(ws, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col), 0.0, fmt);
  } else if (f) {
    worksheet_write_formula_num(ws, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col),
                                ("=" + *f).c_str(), fmt, cached);
  } else {
    worksheet_write_number(ws, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col), cached, b.f.value);
  }
}

void text(lxw_worksheet* ws, int row, int col, const std::string& s, lxw_format* fmt) {
  if (s.empty()) return;
  worksheet_write_string(ws, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col), s.c_str(), fmt);
}

void number(lxw_worksheet* ws, int row, int col, double v, lxw_format* fmt) {
  worksheet_write_number(ws, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col), v, fmt);
}

void year_header(const Book& b, lxw_worksheet* ws, int row, const std::string& first) {
  text(ws, row, kLabelCol, first, b.f.header);
  text(ws, row + 1, kLabelCol, b.st.tr("Year index t"), b.f.note);
  for (int t = 0; t < b.horizon(); ++t) {
    number(ws, row, kFirstYearCol + t, b.c->assumptions.start_year + t, b.f.header);
    number(ws, row + 1, kFirstYearCol + t, t, b.f.note);
  }
}

std::string share_formula(const Book& b, const Profile& p, int year) {
  switch (p.kind) {
    case Profile::Kind::none: return "1";
    case Profile::Kind::steps: {
      // the value of the latest listed year <= year; 0 before the first
      const Number* step = nullptr;
      for (const auto& [y, v] : p.steps)
        if (y <= year) step = &v;
      if (!step) return "0";
      if (step->program.is_constant()) return formula_number(step->program.constant_value());
      auto f = formula(b, *step);
      return f ? *f : formula_number(value_of(*step, b.d->bc->params, b.c->file));
    }
    case Profile::Kind::linear: {
      // min(1, (y - from + 1) / years)
      if (year < p.linear_from) return "0";
      const int k = year - p.linear_from + 1;
      if (k >= p.linear_years) return "1";
      return std::to_string(k) + "/" + std::to_string(p.linear_years);
    }
    case Profile::Kind::logistic:
      // 1 / (1 + exp(-steepness (y - midpoint)))
      return "1/(1+EXP(" + formula_number(-p.logistic_steepness) + "*(" + std::to_string(year) + "-" +
             formula_number(p.logistic_midpoint) + ")))";
  }
  return "1";
}

std::string df_ref(const Book& b, int year) { return ref(b.sheet.flows, kDfRow, b.year_col(year), true); }

std::string df_formula(const Book& b, int year) {
  const Assumptions& a = b.c->assumptions;
  if (year <= a.end_year()) return df_ref(b, year);
  auto rate = [&](int t) {
    size_t k = 0;
    for (size_t s = 0; s < a.discounting.steps.size(); ++s)
      if (a.discounting.steps[s].from_index <= t) k = s;
    return b.rate_names[k];
  };
  const bool mid = a.timing == Timing::mid;
  std::string f = ref(b.sheet.flows, mid ? kDfRow + 1 : kDfRow, b.year_col(a.end_year()), true);
  for (int t = a.horizon; t <= year - a.start_year; ++t) f += "/(1+" + rate(t) + ")";
  if (mid) f += "/SQRT(1+" + rate(year - a.start_year + 1) + ")";
  return f;
}

}  // namespace gevinst::cli::wb

// Shared state and helpers of the workbook writers (cli/render/workbook*.cpp):
// formats, cell references, the defined names of the parameters and where
// each sheet put the rows the others refer to.
#pragma once

#include <xlsxwriter.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "cli/render/workbook.h"

namespace gevinst::cli::wb {

/// Column layout of the yearly sheets: labels, then a PV column, then one
/// column per horizon year.
inline constexpr int kLabelCol = 0, kIdCol = 1, kKindCol = 2, kPartyCol = 3, kSourceCol = 4, kPvCol = 5,
                     kFirstYearCol = 6;

struct Formats {
  lxw_format *title, *heading, *header, *money, *number, *share, *factor, *input, *input_share, *value, *text,
      *note;
};

/// Rows of the yearly sheets' headers (0-based): calendar year, year index,
/// and on the business case sheet the discount rate and factor, which every
/// other sheet refers to.
inline constexpr int kYearRow = 3, kIndexRow = 4, kRateRow = 5, kDfRow = 6;

/// Where the business case sheet put its rows (0-based row numbers).
struct FlowRows {
  int costs = -1;                                                 ///< total costs
  std::map<std::string, int> cost;                                ///< cost id -> row
  std::map<std::string, int> benefit;                             ///< benefit id -> row
  int benefits_counted[3] = {-1, -1, -1}, net[3] = {-1, -1, -1};  ///< per perspective
};

/// The sheets' names in the workbook's language (valid sheet names: at most
/// 31 characters, none of []:*?/\); ref() quotes them.
struct SheetNames {
  std::string summary, parameters, flows, capacity, sroi, financing;
};

struct Book {
  lxw_workbook* wb = nullptr;
  Style st;          ///< the words of every label, heading and note
  SheetNames sheet;  ///< the names formulas refer to
  lxw_worksheet *summary = nullptr, *parameters = nullptr, *flows_ws = nullptr, *capacity = nullptr,
                *sroi = nullptr, *financing = nullptr;
  Formats f{};
  const WorkbookData* d = nullptr;
  const Case* c = nullptr;
  std::vector<std::string> names;       ///< defined name of parameter i
  std::vector<std::string> rate_names;  ///< defined name of discount step k
  FlowRows flows;
  std::map<std::string, int> activity_value_row;    ///< capacity activity id -> its value row
  std::map<std::string, std::string> summary_cell;  ///< result key ("capacity.fte") -> a cell reference
  int horizon() const { return c->assumptions.horizon; }
  int year_col(int year) const { return kFirstYearCol + year - c->assumptions.start_year; }
};

/// "G5" (row and column 0-based), "$G$5" when absolute.
std::string cell(int row, int col, bool absolute = false);
/// "'Business case'!G5", "'Pengestrømme'!G5": the name always quoted (any
/// apostrophe in it doubled), so spaces and letters like æøå need nothing more.
std::string ref(const std::string& sheet, int row, int col, bool absolute = false);
/// "G5:P5" for columns col0..col1 of one row.
std::string range(int row, int col0, int col1, bool absolute = false);

/// The numeric field `n` as formula text over the parameters' defined names,
/// without '='; nullopt when it cannot be written as a formula.
std::optional<std::string> formula(const Book& b, const Number& n);
/// `text` wrapped in parentheses unless it is a plain name or number.
std::string grouped(const std::string& text);

/// Writes "=" + formula with `cached` as its cached result, or `cached` as a
/// plain value in the value format (marked) when there is no formula.
void put(const Book& b, lxw_worksheet* ws, int row, int col, const std::optional<std::string>& formula,
         double cached, lxw_format* fmt);
void text(lxw_worksheet* ws, int row, int col, const std::string& s, lxw_format* fmt = nullptr);
void number(lxw_worksheet* ws, int row, int col, double v, lxw_format* fmt);

/// Year header rows (calendar year and year index t) of a yearly sheet at
/// `row` and `row + 1`, with `first` as the heading of the label column.
void year_header(const Book& b, lxw_worksheet* ws, int row, const std::string& first);

/// The share of profile `p` in `year` as formula text (docs/case-format.md,
/// "Realisation profiles"): "1" without a profile or at full share, "0"
/// before it starts, else the step's formula, "k/years" or the logistic.
std::string share_formula(const Book& b, const Profile& p, int year);
/// The discount factor of year `year` on the business case sheet, absolute.
std::string df_ref(const Book& b, int year);
/// DF of a calendar year as a formula, extended past the horizon with the
/// case's rates: DF(t) = DF(t-1) / (1 + r(t)) (mid-year: / SQRT(1 + r(t+1)) on top).
std::string df_formula(const Book& b, int year);

// The sheets, in the order they are written (each reads rows the earlier
// ones recorded in the book; the worksheets themselves are added first, in
// the order they are shown).
void write_parameters(Book& b);
void write_capacity(Book& b);  ///< before the business case, which refers to its value rows
void write_flows(Book& b);
void write_sroi(Book& b);
void write_financing(Book& b);
void write_summary(Book& b);

/// The sheets' names in the words of `st`; a translation that is no valid
/// sheet name (too long, a character []:*?/\ or an apostrophe at either
/// end, or the name of another sheet) keeps the English name.
SheetNames sheet_names(const Style& st);

}  // namespace gevinst::cli::wb

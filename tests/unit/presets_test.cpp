// Tests for libeval/presets: the data files of models/ compiled into the
// binary. Expected values are those of the preset files' own sources:
// Finansministeriet's 2021 discount rate note (3.5 / 2.5 / 1.5 %, steps after
// years 35 and 70), 37 h x 52 weeks = 1924 hours, and Statistics Denmark's
// table FOLK1A for 1 January 2024 (Denmark 5,961,249 inhabitants).
#include "libeval/presets.h"

#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "libeval/detail/yaml_tree.h"
#include "libeval/discounting.h"
#include "support.h"

using namespace gevinst;

namespace {

std::string scalar(const YNode* root, std::string_view key) {
  const YNode* v = root ? root->find(key) : nullptr;
  return v && v->is_scalar() ? v->value : std::string{};
}

}  // namespace

TEST_CASE("presets: every embedded file parses and names its kind, name, label and source") {
  const auto& files = embedded_models();
  REQUIRE(!files.empty());
  std::set<std::string> names;
  for (const auto& f : files) {
    std::string file = f.name;
    CAPTURE(file);
    Diagnostics d(f.name);
    auto doc = parse_yaml(f.text, d);
    REQUIRE(doc);
    CHECK(d.all().empty());
    REQUIRE(doc->root->is_mapping());
    std::string kind = scalar(doc->root, "kind");
    CHECK((kind == "discounting" || kind == "fte-hours" || kind == "staff" || kind == "units" ||
           kind == "price-index"));
    CHECK(!scalar(doc->root, "name").empty());
    CHECK(!scalar(doc->root, "label").empty());
    CHECK(!scalar(doc->root, "source").empty());
    CHECK(names.insert(scalar(doc->root, "name")).second);  // names are unique across kinds
  }
}

TEST_CASE("presets: all_presets lists every embedded file with a non-empty source") {
  // The registry skips a malformed file silently; equal counts mean none was skipped.
  auto all = all_presets();
  CHECK(all.size() == embedded_models().size());
  for (const auto& p : all) {
    CAPTURE(p.name);
    CHECK(!p.kind.empty());
    CHECK(!p.label.empty());
    CHECK(!p.source.empty());
  }
}

#ifdef GEVINST_SOURCE_DIR
TEST_CASE("presets: the embedded texts equal the files in models/ (the build is not stale)") {
  for (const auto& f : embedded_models()) {
    std::string file = f.name;
    CAPTURE(file);
    std::ifstream in(std::string(GEVINST_SOURCE_DIR) + "/models/" + f.name, std::ios::binary);
    REQUIRE(in);
    std::stringstream ss;
    ss << in.rdbuf();
    CHECK(ss.str() == f.text);
  }
}
#endif

TEST_CASE("presets: dk-fm-2021 steps") {
  // Finansministeriet, Dokumentationsnotat 20 January 2021: 3.5 % for years 0-35,
  // 2.5 % for 36-70, 1.5 % after; as from_index steps 1, 36, 71.
  auto s = discount_preset("dk-fm-2021");
  REQUIRE(s);
  REQUIRE(s->steps.size() == 3);
  const int from[] = {1, 36, 71};
  const double rate[] = {0.035, 0.025, 0.015};
  for (size_t i = 0; i < 3; ++i) {
    CHECK(s->steps[i].from_index == from[i]);
    CHECK(s->steps[i].rate == doctest::Approx(rate[i]).epsilon(1e-15));
  }
  CHECK(!check_schedule(*s));
  CHECK(!s->source.empty());
  // DF(2) = 1 / 1.035^2 (closed form of the recurrence with one rate).
  auto df = discount_factors(*s, 3);
  CHECK(df[2] == doctest::Approx(1.0 / (1.035 * 1.035)).epsilon(1e-14));
}

TEST_CASE("presets: every discounting preset is a valid schedule") {
  for (const auto& name : discount_preset_names()) {
    CAPTURE(name);
    auto s = discount_preset(name);
    REQUIRE(s);
    CHECK(!check_schedule(*s));
  }
  auto none = discount_preset("none");
  REQUIRE(none);
  CHECK(none->steps.size() == 1);
  CHECK(none->steps[0].rate == 0.0);
}

TEST_CASE("presets: fte-hours dk-gross is 37 h x 52 weeks") {
  auto g = fte_hours_preset("dk-gross");
  REQUIRE(g);
  CHECK(g->hours == 37 * 52);
  auto n = fte_hours_preset("dk-net");
  REQUIRE(n);
  CHECK(n->hours == 1628);  // the figure its source quotes
}

TEST_CASE("presets: dk-regions-2024 are the five regions on 1 January 2024") {
  auto u = unit_preset("dk-regions-2024");
  REQUIRE(u);
  CHECK(u->year == 2024);
  REQUIRE(u->units.size() == 5);
  const char* ids[] = {"region-hovedstaden", "region-sjaelland", "region-syddanmark", "region-midtjylland",
                       "region-nordjylland"};
  for (const char* id : ids) {
    CAPTURE(id);
    const auto* unit = u->find(id);
    REQUIRE(unit);
    CHECK(unit->population > 0);
    CHECK(!unit->label.empty());
  }
  // Statistics Denmark, FOLK1A 2024K1: Denmark had 5,961,249 inhabitants on 1 January 2024.
  CHECK(u->total_population() == 5961249);
  CHECK(u->find("region-oestdanmark") == nullptr);
}

TEST_CASE("presets: dk-regions-2027 merges Hovedstaden and Sjælland into Østdanmark") {
  auto before = unit_preset("dk-regions-2024");
  auto after = unit_preset("dk-regions-2027");
  REQUIRE(before);
  REQUIRE(after);
  REQUIRE(after->units.size() == 4);
  // Built from the same year's figures, so the country's total is unchanged.
  CHECK(after->year == before->year);
  CHECK(after->total_population() == before->total_population());
  const auto* east = after->find("region-oestdanmark");
  REQUIRE(east);
  CHECK(east->population ==
        before->find("region-hovedstaden")->population + before->find("region-sjaelland")->population);
  CHECK(after->find("region-hovedstaden") == nullptr);
  CHECK(after->find("region-sjaelland") == nullptr);
  for (const char* id : {"region-syddanmark", "region-midtjylland", "region-nordjylland"}) {
    CAPTURE(id);
    REQUIRE(after->find(id));
    CHECK(after->find(id)->population == before->find(id)->population);
  }
}

// Økonomistyrelsen, "Fastprisberegninger", column "Generel pris- og
// lønstigning" (models/prices/dk-fm-pl-2025.yaml): 2022 4.3 %, 2023 2.5 %,
// 2024 4.0 %, 2025 2.8 %; chained from 1991 = 100 over 1992-2025.
TEST_CASE("presets: dk-fm-pl-2025 chains the published yearly increases") {
  auto p = price_index_preset("dk-fm-pl-2025");
  REQUIRE(p);
  CHECK(p->first_year == 1991);
  CHECK(p->last_year() == 2025);  // every year 1992-2025 is listed, none skipped
  CHECK(*p->at(1991) == 100.0);
  CHECK(*p->at(1992) == doctest::Approx(102.5).epsilon(1e-12));
  // index(2025) / index(2021) = 1.043 x 1.025 x 1.040 x 1.028 = 1.142963...
  CHECK(*p->at(2025) / *p->at(2021) == doctest::Approx(1.043 * 1.025 * 1.040 * 1.028).epsilon(1e-12));
  CHECK(!p->at(1990));
  CHECK(!p->at(2026));
  CHECK(price_index_preset_names() == std::vector<std::string>{"dk-fm-pl-2025"});
}

TEST_CASE("presets: unknown names are absent") {
  CHECK(!discount_preset("dk-fm-2099"));
  CHECK(!unit_preset("dk-regions-1970"));
  CHECK(!fte_hours_preset(""));
}

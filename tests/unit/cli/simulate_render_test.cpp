// The simulation's document in Danish (gevinst simulate --lang da, the
// report's "Simulering" section): labels and sentences from the catalogue,
// numbers in the Danish locale; in English the text as before.
#include <doctest/doctest.h>

#include "cli/render/render.h"
#include "cli/render/simulate.h"

using namespace gevinst;
using namespace gevinst::cli;

namespace {

SimulationResult small_simulation() {
  SimulationResult r;
  r.case_id = "kol";
  r.iterations = 2000;
  r.seed = 7;
  r.threads = 2;
  r.random_parameters = {"patients", "kit_cost"};
  r.base_npv = 18753900;
  r.npv.mean = 18889089.4;
  r.npv.sd = 22892912;
  r.npv.convergence = {{100, 1.9e7, 2047868}, {2000, 1.89e7, 511901}};
  r.npv.histogram = {{-1000, 1000, 3}};
  r.fte = MetricSummary{};
  r.fte->mean = 2.36;
  r.prob_positive = 0.797;
  r.evpi = 2124692;
  return r;
}

}  // namespace

TEST_CASE("simulation_document: Danish words and numbers, English unchanged") {
  const SimulationResult r = small_simulation();
  const std::string da = render(simulation_document(r, Style{NumberLocale::da, &catalogue(Language::da)}),
                                Format::table, NumberLocale::da);
  CHECK(da.find("Monte Carlo-simulering af kol: 2.000 iterationer, startværdi (seed) 7, 2 tråde, perspektiv: "
                "organisation") != std::string::npos);
  CHECK(da.find("Simulerede parametre: patients, kit_cost") != std::string::npos);
  CHECK(da.find("middelværdi") != std::string::npos);
  CHECK(da.find("Årsværk (største år)") != std::string::npos);
  CHECK(da.find("Sandsynlighed for, at nutidsværdien > 0: 79,7 %") != std::string::npos);
  CHECK(da.find("Forventet værdi af fuldkommen information (indføre eller ej): 2.124.692") !=
        std::string::npos);
  CHECK(da.find("Konvergens af nutidsværdiens middelværdi (standardfejl): 2.047.868 efter 100; 511.901 efter "
                "2.000") != std::string::npos);
  CHECK(da.find("Fordeling af nutidsværdien") != std::string::npos);
  for (const char* english : {"Drawn", "mean", "Probability", "perfect information", "after", "NPV"}) {
    CAPTURE(english);
    CHECK(da.find(english) == std::string::npos);
  }
  const std::string en = render(simulation_document(r, NumberLocale::en), Format::table);
  CHECK(en.find(
            "Monte Carlo simulation of kol: 2,000 iterations, seed 7, 2 threads, organisation perspective") !=
        std::string::npos);
  CHECK(en.find("Convergence of the mean NPV (standard error): 2,047,868 after 100; 511,901 after 2,000") !=
        std::string::npos);
}

/* The second solver of the portfolio benchmark (scripts/bench): reads the
 * integer program `gevinst portfolio --write-mps FILE` wrote (free MPS,
 * minimising minus the objective) and solves it with GLPK's branch and cut.
 * Prints "glpk objective V optimal yes|no seconds S" (S: the solve only).
 * Usage: glpk_mps FILE.mps [TIME_LIMIT_SECONDS]
 * Build: cc -O2 -o glpk_mps glpk_mps.c -lglpk */
#include <glpk.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int main(int argc, char** argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: glpk_mps FILE.mps [TIME_LIMIT_SECONDS]\n");
    return 2;
  }
  glp_term_out(GLP_OFF);
  glp_prob* lp = glp_create_prob();
  if (glp_read_mps(lp, GLP_MPS_FILE, NULL, argv[1]) != 0) {
    fprintf(stderr, "glpk_mps: cannot read %s\n", argv[1]);
    return 1;
  }
  glp_iocp parm;
  glp_init_iocp(&parm);
  parm.presolve = GLP_ON;
  parm.tm_lim = argc > 2 ? (int)(atof(argv[2]) * 1000) : 60000;
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  int rc = glp_intopt(lp, &parm);
  clock_gettime(CLOCK_MONOTONIC, &t1);
  double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
  int status = glp_mip_status(lp);
  printf("glpk objective %.10g optimal %s seconds %.3f\n", -glp_mip_obj_val(lp),
         rc == 0 && status == GLP_OPT ? "yes" : "no", secs);
  glp_delete_prob(lp);
  return 0;
}

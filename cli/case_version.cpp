#include "cli/case_version.h"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <filesystem>

#include "libeval/loader.h"
#include "libeval/yaml_limits.h"

extern char** environ;

namespace gevinst::cli {

namespace {

struct GitOutput {
  bool started = false;
  int status = -1;
  std::string out, err;
  bool too_large = false;
};

// Runs `git show SPEC` and collects what it prints (at most `max` bytes of
// standard output).
GitOutput git_show(const std::string& spec, size_t max) {
  GitOutput g;
  std::array<int, 2> out{-1, -1}, err{-1, -1};
  if (pipe(out.data()) != 0) return g;
  if (pipe(err.data()) != 0) {
    close(out[0]);
    close(out[1]);
    return g;
  }
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, out[1], 1);
  posix_spawn_file_actions_adddup2(&fa, err[1], 2);
  posix_spawn_file_actions_addclose(&fa, out[0]);
  posix_spawn_file_actions_addclose(&fa, err[0]);
  std::string prog = "git", cmd = "show", nopager = "--no-pager";
  std::string arg = spec;
  std::array<char*, 5> argv{prog.data(), nopager.data(), cmd.data(), arg.data(), nullptr};
  pid_t pid = 0;
  int rc = posix_spawnp(&pid, "git", &fa, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  close(out[1]);
  close(err[1]);
  if (rc != 0) {
    close(out[0]);
    close(err[0]);
    return g;
  }
  g.started = true;
  std::array<pollfd, 2> fds{{{out[0], POLLIN, 0}, {err[0], POLLIN, 0}}};
  std::array<char, 65536> buf{};
  int open_fds = 2;
  while (open_fds > 0) {
    if (poll(fds.data(), fds.size(), -1) < 0) break;
    for (size_t i = 0; i < fds.size(); ++i) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      ssize_t n = read(fds[i].fd, buf.data(), buf.size());
      if (n <= 0) {
        close(fds[i].fd);
        fds[i].fd = -1;
        --open_fds;
        continue;
      }
      std::string& to = i == 0 ? g.out : g.err;
      if (i == 0 && g.out.size() + static_cast<size_t>(n) > max)
        g.too_large = true;
      else if (to.size() < max)
        to.append(buf.data(), static_cast<size_t>(n));
    }
  }
  int status = 0;
  waitpid(pid, &status, 0);
  g.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return g;
}

std::string first_line(const std::string& s) {
  std::string l = s.substr(0, s.find('\n'));
  if (!l.empty() && l.back() == '\r') l.pop_back();
  return l;
}

}  // namespace

bool is_revision_path(const std::string& arg) {
  if (arg == "-" || arg.size() < 2) return false;
  std::error_code ec;
  if (std::filesystem::exists(arg, ec)) return false;
  return arg.find(':', 1) != std::string::npos;
}

std::optional<CaseVersion> read_case_version(const std::string& arg, Diagnostic& diag) {
  diag.file = arg;
  diag.severity = Severity::error;
  const size_t max = YamlLimits{}.max_bytes;
  if (!is_revision_path(arg)) {
    Diagnostics diags(arg);
    auto text = read_file_text(arg, diags, max);
    if (!text) {
      if (!diags.all().empty()) diag = diags.all().front();
      return std::nullopt;
    }
    return CaseVersion{arg == "-" ? "<stdin>" : arg, std::move(*text)};
  }
  GitOutput g = git_show(arg, max);
  if (!g.started) {
    diag.message = "cannot run git to read this revision";
    diag.hint = "install git, or give the file itself";
    return std::nullopt;
  }
  if (g.too_large) {
    diag.message = "the file at this revision is larger than the limit on case files";
    return std::nullopt;
  }
  if (g.status != 0) {
    std::string why = first_line(g.err);
    diag.message = why.empty() ? "git cannot read this revision's file" : "git cannot read it: " + why;
    diag.hint =
        "write REV:PATH with PATH from the repository's top (main:cases/kol.yaml) or relative to the "
        "current directory as REV:./PATH; check the revision with `git log`";
    return std::nullopt;
  }
  return CaseVersion{arg, std::move(g.out)};
}

}  // namespace gevinst::cli

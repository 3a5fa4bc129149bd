// `cost systems`: the implementation table.
#include <cstdio>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "harness/cli.h"
#include "harness/systems.h"

namespace cost::harness {

void AddSystemsCommand(CLI::App& app, int*) {
  auto json = std::make_shared<bool>(false);
  CLI::App* cmd = app.add_subcommand("systems",
                                     "List every implementation: name (what --impl "
                                     "takes), kernel, system, algorithm and kind");
  cmd->add_flag("--json", *json, "Print a JSON array instead of a table");
  cmd->callback([json] {
    if (*json) {
      nlohmann::json rows = nlohmann::json::array();
      for (const Implementation& impl : Implementations()) {
        rows.push_back({{"name", impl.name},
                        {"kernel", KernelName(impl.kernel)},
                        {"system", impl.system},
                        {"algorithm", impl.algorithm},
                        {"kind", KindName(impl.kind)},
                        {"description", impl.description}});
      }
      std::cout << rows.dump(2) << "\n";
      return;
    }
    std::printf("%-26s %-9s %-8s %-18s %-16s %s\n", "name", "kernel", "system", "algorithm", "kind",
                "description");
    for (const Implementation& impl : Implementations()) {
      std::printf("%-26.*s %-9.*s %-8.*s %-18.*s %-16.*s %.*s\n", int(impl.name.size()),
                  impl.name.data(), int(KernelName(impl.kernel).size()),
                  KernelName(impl.kernel).data(), int(impl.system.size()), impl.system.data(),
                  int(impl.algorithm.size()), impl.algorithm.data(),
                  int(KindName(impl.kind).size()), KindName(impl.kind).data(),
                  int(impl.description.size()), impl.description.data());
    }
  });
}

}  // namespace cost::harness

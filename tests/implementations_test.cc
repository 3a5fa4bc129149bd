// The implementation table's fields that say how a row runs: its runner (in this process or an
// MPI program under mpirun), the rows a caller without mpirun may call (cost_kernel_bench
// registers exactly these), the working precision, and the mpirun limit a sweep gives such rows.
#include "harness/run/implementations.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <stdlib.h>

#include <set>
#include <stdexcept>
#include <string>
#include <variant>

#include "harness/run/multiprocess.h"

namespace cost::harness {
namespace {

TEST(ImplementationTable, MultiprocessRowsAndOnlyThoseRunAnMpiProgram) {
  std::set<std::string_view> executables;
  int mpi_rows = 0;
  for (const Implementation& impl : Implementations()) {
    SCOPED_TRACE(impl.name);
    EXPECT_EQ(RunsInProcess(impl), impl.kind != Kind::kMultiprocess);
    if (!std::holds_alternative<MpiProgram>(impl.runner)) continue;
    ++mpi_rows;
    const std::string_view executable = std::get<MpiProgram>(impl.runner).executable;
    executables.insert(executable);
    EXPECT_EQ(executable, impl.system == "pbgl" ? "cost_pbgl" : "cost_mpi");
  }
  EXPECT_EQ(mpi_rows, 6);
  EXPECT_EQ(executables, (std::set<std::string_view>{"cost_mpi", "cost_pbgl"}));
}

TEST(ImplementationTable, InProcessRowsAreEveryRowButTheMpiOnes) {
  const std::vector<const Implementation*> rows = InProcessImplementations();
  EXPECT_EQ(rows.size() + 6, Implementations().size());
  for (const Implementation* impl : rows) {
    EXPECT_TRUE(RunsInProcess(*impl)) << impl->name;
    EXPECT_NE(impl->kind, Kind::kMultiprocess) << impl->name;
  }
  EXPECT_EQ(rows.front(), &Implementations().front());  // table order
}

TEST(ImplementationTable, AnMpiRowRefusesToRunInProcess) {
  const Implementation* mpi = FindImplementation("mpi:pagerank");
  ASSERT_NE(mpi, nullptr);
  EXPECT_THAT([&] { RunInProcess(*mpi, datasets::Graph{}, {}); },
              testing::ThrowsMessage<std::logic_error>(testing::HasSubstr("mpi:pagerank")));
  const Implementation* serial = FindImplementation("serial:pagerank");
  ASSERT_NE(serial, nullptr);
  EXPECT_THROW(MultiprocessExecutable(*serial), std::logic_error);
}

TEST(ImplementationTable, TheExecutableComesFromTheRowsProgram) {
  setenv("COST_MPI_BIN_DIR", "/opt/cost/bin", 1);
  EXPECT_EQ(MultiprocessExecutable(*FindImplementation("pbgl:wcc")), "/opt/cost/bin/cost_pbgl");
  EXPECT_EQ(MultiprocessExecutable(*FindImplementation("mpi:bfs")), "/opt/cost/bin/cost_mpi");
  unsetenv("COST_MPI_BIN_DIR");
}

TEST(ImplementationTable, OnlyTheFloatRowKeepsFloatSums) {
  std::vector<std::string_view> float_rows;
  for (const Implementation& impl : Implementations()) {
    if (impl.precision == Precision::kFloat) float_rows.push_back(impl.name);
  }
  EXPECT_EQ(float_rows, std::vector<std::string_view>{"serial:pagerank-hilbert-float"});
}

TEST(ImplementationTable, TheLayoutReadByANameIsItsRowsOrVertexOrder) {
  EXPECT_EQ(LayoutReadBy("serial:union-find-hilbert"), datasets::EdgeLayout::kHilbert);
  EXPECT_EQ(LayoutReadBy("serial:pagerank-hilbert-compressed"), datasets::EdgeLayout::kCompressed);
  EXPECT_EQ(LayoutReadBy("serial:union-find"), datasets::EdgeLayout::kVertex);
  EXPECT_EQ(LayoutReadBy("gapbs:cc"), datasets::EdgeLayout::kVertex);
}

// mpirun's own limit leaves it time to end the ranks before the row's process is killed.
TEST(MpirunTimeout, LeavesMpirunTimeToEndTheJobInsideTheRowsLimit) {
  EXPECT_DOUBLE_EQ(MpirunTimeoutSeconds(600), 585);
  EXPECT_DOUBLE_EQ(MpirunTimeoutSeconds(51), 36);
  EXPECT_DOUBLE_EQ(MpirunTimeoutSeconds(50), 30);
  EXPECT_DOUBLE_EQ(MpirunTimeoutSeconds(5), 3);
}

}  // namespace
}  // namespace cost::harness

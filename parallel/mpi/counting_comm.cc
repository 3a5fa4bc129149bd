#include "parallel/mpi/counting_comm.h"

namespace cost::parallel::mpi {

CountingComm MakeCountingComm(MPI_Comm comm) {
  CountingComm c;
  c.comm = comm;
  MPI_Comm_rank(comm, &c.rank);
  MPI_Comm_size(comm, &c.ranks);
  return c;
}

void CountToEach(CountingComm& c, const int* counts, uint64_t bytes) {
  for (int r = 0; r < c.ranks; ++r) {
    if (r == c.rank || counts[r] == 0) continue;
    c.traffic.bytes_sent += static_cast<uint64_t>(counts[r]) * bytes;
    ++c.traffic.messages_sent;
  }
  ++c.traffic.rounds;
}

void CountToOne(CountingComm& c, int count, uint64_t bytes, int dest) {
  if (dest != c.rank && count > 0) {
    c.traffic.bytes_sent += static_cast<uint64_t>(count) * bytes;
    ++c.traffic.messages_sent;
  }
  ++c.traffic.rounds;
}

void CountSend(CountingComm& c, int count, uint64_t bytes) {
  c.traffic.bytes_sent += static_cast<uint64_t>(count) * bytes;
  ++c.traffic.messages_sent;
  ++c.traffic.rounds;
}

void CountRound(CountingComm& c) { ++c.traffic.rounds; }

}  // namespace cost::parallel::mpi

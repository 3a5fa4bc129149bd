#include "parallel/mpi/pmpi_traffic.h"

#include <mpi.h>

#include <vector>

namespace cost::parallel::mpi {
namespace {

// One process, one thread talking to MPI (Parallel BGL's ranks are single-threaded).
bool counting = false;
bool unknown = false;
Traffic counted;

uint64_t Bytes(MPI_Datatype type) {
  int size = 0;
  PMPI_Type_size(type, &size);
  return static_cast<uint64_t>(size);
}

// Applies a rule of counting_comm.h over `comm`'s ranks to the process's counts.
template <typename Rule>
void Count(MPI_Comm comm, Rule rule) {
  if (!counting) return;
  CountingComm c;
  c.comm = comm;
  PMPI_Comm_rank(comm, &c.rank);
  PMPI_Comm_size(comm, &c.ranks);
  c.traffic = counted;
  rule(c);
  counted = c.traffic;
}

void CountPointToPoint(int count, MPI_Datatype type, int dest, MPI_Comm comm, bool blocking) {
  Count(comm, [&](CountingComm& c) {
    if (dest != c.rank && dest != MPI_PROC_NULL) {
      c.traffic.bytes_sent += static_cast<uint64_t>(count) * Bytes(type);
      ++c.traffic.messages_sent;
    }
    if (blocking) CountRound(c);
  });
}

// A blocking send (a round) or the start of a non-blocking one, counted, then made by `send`.
using BlockingSend = int (*)(const void*, int, MPI_Datatype, int, int, MPI_Comm);
using StartedSend = int (*)(const void*, int, MPI_Datatype, int, int, MPI_Comm, MPI_Request*);

int CountedSend(BlockingSend send, const void* buf, int count, MPI_Datatype type, int dest, int tag,
                MPI_Comm comm) {
  CountPointToPoint(count, type, dest, comm, true);
  return send(buf, count, type, dest, tag, comm);
}

int CountedStart(StartedSend send, const void* buf, int count, MPI_Datatype type, int dest, int tag,
                 MPI_Comm comm, MPI_Request* request) {
  CountPointToPoint(count, type, dest, comm, false);
  return send(buf, count, type, dest, tag, comm, request);
}

// `count` elements of `type` to every other rank.
void CountSameToEach(CountingComm& c, int count, MPI_Datatype type) {
  const std::vector<int> counts(c.ranks, count);
  CountToEach(c, counts.data(), Bytes(type));
}

void CountReceive(MPI_Comm comm) {
  Count(comm, [](CountingComm& c) { CountRound(c); });
}

void MarkUnknown() {
  if (counting) unknown = true;
}

}  // namespace

void StartCountingMpiCalls() {
  counted = {};
  unknown = false;
  counting = true;
}

std::optional<Traffic> StopCountingMpiCalls() {
  counting = false;
  if (unknown) return std::nullopt;
  return counted;
}

}  // namespace cost::parallel::mpi

// The interposed functions: signatures as in Open MPI 4.1's mpi.h.
using cost::parallel::mpi::Bytes;
using cost::parallel::mpi::Count;
using cost::parallel::mpi::CountedSend;
using cost::parallel::mpi::CountedStart;
using cost::parallel::mpi::CountingComm;
using cost::parallel::mpi::CountPointToPoint;
using cost::parallel::mpi::CountReceive;
using cost::parallel::mpi::CountRound;
using cost::parallel::mpi::CountSameToEach;
using cost::parallel::mpi::CountToEach;
using cost::parallel::mpi::CountToOne;
using cost::parallel::mpi::MarkUnknown;

extern "C" {

int MPI_Send(const void* buf, int count, MPI_Datatype type, int dest, int tag, MPI_Comm comm) {
  return CountedSend(PMPI_Send, buf, count, type, dest, tag, comm);
}
int MPI_Ssend(const void* buf, int count, MPI_Datatype type, int dest, int tag, MPI_Comm comm) {
  return CountedSend(PMPI_Ssend, buf, count, type, dest, tag, comm);
}
int MPI_Bsend(const void* buf, int count, MPI_Datatype type, int dest, int tag, MPI_Comm comm) {
  return CountedSend(PMPI_Bsend, buf, count, type, dest, tag, comm);
}
int MPI_Rsend(const void* buf, int count, MPI_Datatype type, int dest, int tag, MPI_Comm comm) {
  return CountedSend(PMPI_Rsend, buf, count, type, dest, tag, comm);
}
int MPI_Isend(const void* buf, int count, MPI_Datatype type, int dest, int tag, MPI_Comm comm,
              MPI_Request* request) {
  return CountedStart(PMPI_Isend, buf, count, type, dest, tag, comm, request);
}
int MPI_Issend(const void* buf, int count, MPI_Datatype type, int dest, int tag, MPI_Comm comm,
               MPI_Request* request) {
  return CountedStart(PMPI_Issend, buf, count, type, dest, tag, comm, request);
}
int MPI_Ibsend(const void* buf, int count, MPI_Datatype type, int dest, int tag, MPI_Comm comm,
               MPI_Request* request) {
  return CountedStart(PMPI_Ibsend, buf, count, type, dest, tag, comm, request);
}
int MPI_Irsend(const void* buf, int count, MPI_Datatype type, int dest, int tag, MPI_Comm comm,
               MPI_Request* request) {
  return CountedStart(PMPI_Irsend, buf, count, type, dest, tag, comm, request);
}
int MPI_Sendrecv(const void* sendbuf, int sendcount, MPI_Datatype sendtype, int dest, int sendtag,
                 void* recvbuf, int recvcount, MPI_Datatype recvtype, int source, int recvtag,
                 MPI_Comm comm, MPI_Status* status) {
  CountPointToPoint(sendcount, sendtype, dest, comm, true);
  return PMPI_Sendrecv(sendbuf, sendcount, sendtype, dest, sendtag, recvbuf, recvcount, recvtype,
                       source, recvtag, comm, status);
}
int MPI_Sendrecv_replace(void* buf, int count, MPI_Datatype type, int dest, int sendtag, int source,
                         int recvtag, MPI_Comm comm, MPI_Status* status) {
  CountPointToPoint(count, type, dest, comm, true);
  return PMPI_Sendrecv_replace(buf, count, type, dest, sendtag, source, recvtag, comm, status);
}
int MPI_Recv(void* buf, int count, MPI_Datatype type, int source, int tag, MPI_Comm comm,
             MPI_Status* status) {
  CountReceive(comm);
  return PMPI_Recv(buf, count, type, source, tag, comm, status);
}

int MPI_Barrier(MPI_Comm comm) {
  CountReceive(comm);  // a round, nothing sent
  return PMPI_Barrier(comm);
}
int MPI_Bcast(void* buf, int count, MPI_Datatype type, int root, MPI_Comm comm) {
  Count(comm, [&](CountingComm& c) {
    if (c.rank == root) {
      CountSameToEach(c, count, type);
    } else {
      CountRound(c);
    }
  });
  return PMPI_Bcast(buf, count, type, root, comm);
}
int MPI_Reduce(const void* sendbuf, void* recvbuf, int count, MPI_Datatype type, MPI_Op op,
               int root, MPI_Comm comm) {
  Count(comm, [&](CountingComm& c) { CountToOne(c, count, Bytes(type), root); });
  return PMPI_Reduce(sendbuf, recvbuf, count, type, op, root, comm);
}
int MPI_Allreduce(const void* sendbuf, void* recvbuf, int count, MPI_Datatype type, MPI_Op op,
                  MPI_Comm comm) {
  Count(comm, [&](CountingComm& c) { CountToOne(c, c.ranks > 1 ? count : 0, Bytes(type), -1); });
  return PMPI_Allreduce(sendbuf, recvbuf, count, type, op, comm);
}
int MPI_Scan(const void* sendbuf, void* recvbuf, int count, MPI_Datatype type, MPI_Op op,
             MPI_Comm comm) {
  Count(comm, [&](CountingComm& c) { CountToOne(c, c.ranks > 1 ? count : 0, Bytes(type), -1); });
  return PMPI_Scan(sendbuf, recvbuf, count, type, op, comm);
}
int MPI_Exscan(const void* sendbuf, void* recvbuf, int count, MPI_Datatype type, MPI_Op op,
               MPI_Comm comm) {
  Count(comm, [&](CountingComm& c) { CountToOne(c, c.ranks > 1 ? count : 0, Bytes(type), -1); });
  return PMPI_Exscan(sendbuf, recvbuf, count, type, op, comm);
}
int MPI_Reduce_scatter(const void* sendbuf, void* recvbuf, const int recvcounts[],
                       MPI_Datatype type, MPI_Op op, MPI_Comm comm) {
  Count(comm, [&](CountingComm& c) { CountToEach(c, recvcounts, Bytes(type)); });
  return PMPI_Reduce_scatter(sendbuf, recvbuf, recvcounts, type, op, comm);
}
int MPI_Gather(const void* sendbuf, int sendcount, MPI_Datatype sendtype, void* recvbuf,
               int recvcount, MPI_Datatype recvtype, int root, MPI_Comm comm) {
  Count(comm, [&](CountingComm& c) { CountToOne(c, sendcount, Bytes(sendtype), root); });
  return PMPI_Gather(sendbuf, sendcount, sendtype, recvbuf, recvcount, recvtype, root, comm);
}
int MPI_Gatherv(const void* sendbuf, int sendcount, MPI_Datatype sendtype, void* recvbuf,
                const int recvcounts[], const int displs[], MPI_Datatype recvtype, int root,
                MPI_Comm comm) {
  Count(comm, [&](CountingComm& c) { CountToOne(c, sendcount, Bytes(sendtype), root); });
  return PMPI_Gatherv(sendbuf, sendcount, sendtype, recvbuf, recvcounts, displs, recvtype, root,
                      comm);
}
int MPI_Scatter(const void* sendbuf, int sendcount, MPI_Datatype sendtype, void* recvbuf,
                int recvcount, MPI_Datatype recvtype, int root, MPI_Comm comm) {
  Count(comm, [&](CountingComm& c) {
    if (c.rank == root) {
      CountSameToEach(c, sendcount, sendtype);
    } else {
      CountRound(c);
    }
  });
  return PMPI_Scatter(sendbuf, sendcount, sendtype, recvbuf, recvcount, recvtype, root, comm);
}
int MPI_Scatterv(const void* sendbuf, const int sendcounts[], const int displs[],
                 MPI_Datatype sendtype, void* recvbuf, int recvcount, MPI_Datatype recvtype,
                 int root, MPI_Comm comm) {
  Count(comm, [&](CountingComm& c) {
    if (c.rank == root) {
      CountToEach(c, sendcounts, Bytes(sendtype));
    } else {
      CountRound(c);
    }
  });
  return PMPI_Scatterv(sendbuf, sendcounts, displs, sendtype, recvbuf, recvcount, recvtype, root,
                       comm);
}
// In place, a rank's own block is its part of the receive buffer.
int MPI_Allgather(const void* sendbuf, int sendcount, MPI_Datatype sendtype, void* recvbuf,
                  int recvcount, MPI_Datatype recvtype, MPI_Comm comm) {
  const bool in_place = sendbuf == MPI_IN_PLACE;
  Count(comm, [&](CountingComm& c) {
    CountSameToEach(c, in_place ? recvcount : sendcount, in_place ? recvtype : sendtype);
  });
  return PMPI_Allgather(sendbuf, sendcount, sendtype, recvbuf, recvcount, recvtype, comm);
}
int MPI_Allgatherv(const void* sendbuf, int sendcount, MPI_Datatype sendtype, void* recvbuf,
                   const int recvcounts[], const int displs[], MPI_Datatype recvtype,
                   MPI_Comm comm) {
  const bool in_place = sendbuf == MPI_IN_PLACE;
  Count(comm, [&](CountingComm& c) {
    CountSameToEach(c, in_place ? recvcounts[c.rank] : sendcount, in_place ? recvtype : sendtype);
  });
  return PMPI_Allgatherv(sendbuf, sendcount, sendtype, recvbuf, recvcounts, displs, recvtype, comm);
}
int MPI_Alltoall(const void* sendbuf, int sendcount, MPI_Datatype sendtype, void* recvbuf,
                 int recvcount, MPI_Datatype recvtype, MPI_Comm comm) {
  const bool in_place = sendbuf == MPI_IN_PLACE;
  Count(comm, [&](CountingComm& c) {
    CountSameToEach(c, in_place ? recvcount : sendcount, in_place ? recvtype : sendtype);
  });
  return PMPI_Alltoall(sendbuf, sendcount, sendtype, recvbuf, recvcount, recvtype, comm);
}
int MPI_Alltoallv(const void* sendbuf, const int sendcounts[], const int sdispls[],
                  MPI_Datatype sendtype, void* recvbuf, const int recvcounts[], const int rdispls[],
                  MPI_Datatype recvtype, MPI_Comm comm) {
  const bool in_place = sendbuf == MPI_IN_PLACE;
  Count(comm, [&](CountingComm& c) {
    CountToEach(c, in_place ? recvcounts : sendcounts, Bytes(in_place ? recvtype : sendtype));
  });
  return PMPI_Alltoallv(sendbuf, sendcounts, sdispls, sendtype, recvbuf, recvcounts, rdispls,
                        recvtype, comm);
}
int MPI_Alltoallw(const void* sendbuf, const int sendcounts[], const int sdispls[],
                  const MPI_Datatype sendtypes[], void* recvbuf, const int recvcounts[],
                  const int rdispls[], const MPI_Datatype recvtypes[], MPI_Comm comm) {
  const bool in_place = sendbuf == MPI_IN_PLACE;
  Count(comm, [&](CountingComm& c) {
    std::vector<int> bytes(c.ranks);  // a type per rank: count in bytes
    for (int r = 0; r < c.ranks; ++r) {
      bytes[r] = in_place ? recvcounts[r] * static_cast<int>(Bytes(recvtypes[r]))
                          : sendcounts[r] * static_cast<int>(Bytes(sendtypes[r]));
    }
    CountToEach(c, bytes.data(), 1);
  });
  return PMPI_Alltoallw(sendbuf, sendcounts, sdispls, sendtypes, recvbuf, recvcounts, rdispls,
                        recvtypes, comm);
}

// Data movement without a rule: the count becomes unknown.
int MPI_Start(MPI_Request* request) {
  MarkUnknown();
  return PMPI_Start(request);
}
int MPI_Startall(int count, MPI_Request requests[]) {
  MarkUnknown();
  return PMPI_Startall(count, requests);
}
int MPI_Put(const void* origin, int origin_count, MPI_Datatype origin_type, int target_rank,
            MPI_Aint target_disp, int target_count, MPI_Datatype target_type, MPI_Win win) {
  MarkUnknown();
  return PMPI_Put(origin, origin_count, origin_type, target_rank, target_disp, target_count,
                  target_type, win);
}
int MPI_Get(void* origin, int origin_count, MPI_Datatype origin_type, int target_rank,
            MPI_Aint target_disp, int target_count, MPI_Datatype target_type, MPI_Win win) {
  MarkUnknown();
  return PMPI_Get(origin, origin_count, origin_type, target_rank, target_disp, target_count,
                  target_type, win);
}
int MPI_Accumulate(const void* origin, int origin_count, MPI_Datatype origin_type, int target_rank,
                   MPI_Aint target_disp, int target_count, MPI_Datatype target_type, MPI_Op op,
                   MPI_Win win) {
  MarkUnknown();
  return PMPI_Accumulate(origin, origin_count, origin_type, target_rank, target_disp, target_count,
                         target_type, op, win);
}

}  // extern "C"

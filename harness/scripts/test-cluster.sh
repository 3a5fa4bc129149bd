#!/usr/bin/env bash
# test-cluster.sh: a cluster of Open MPI hosts on this one machine, each a network namespace
# with its own hostname and address, so that multiprocess rows can run across "machines" (launch,
# file placement, TCP transport, per-rank memory) in CI. Root only.
#
# Usage: test-cluster.sh [--name NAME] [--subnet A.B.C] [--slots K] COMMAND [ARGS...]
#
#   up N              Make hosts NAME-h1 .. NAME-hN (1 <= N <= 250) and check that mpirun starts
#                     a process on each. Idempotent: a healthy cluster of that shape is kept, any
#                     other state is torn down and rebuilt; if any step fails, everything made so
#                     far is torn down again.
#   down              Remove the cluster: processes left in its hosts, namespaces, links, state.
#                     Idempotent.
#   status            Print "key=value" lines: one for the cluster (state=up|down, hosts, subnet,
#                     slots, hostfile, env, rate) and one per host (host, address, link). Exit 0
#                     when up and healthy, 1 otherwise.
#   exec HOST CMD...  Run CMD on HOST (its network namespace and hostname).
#   hostfile          Print the path of the Open MPI hostfile ("NAME-hI slots=K" lines).
#   env               Print the environment mpirun needs for this cluster (export lines); the same
#                     file is STATE/env, for `source`.
#   throttle RATE [BURST] | throttle off
#                     Limit every host's link to RATE (tc units: 100mbit, 1gbit) in both
#                     directions with a token bucket (tbf; BURST default 64kb), or remove it.
#                     There is no delay emulation: the kernels here have no netem, so latency
#                     cannot be added; project it instead (the harness's projection).
#   mount HOST SOURCE TARGET | mount HOST off
#                     Show the file or folder SOURCE at TARGET on HOST only: a bind mount made
#                     in the mount namespace of every process the launcher starts there (mpirun's
#                     ranks), as a host's own copy of a prepared file would be; `off` removes
#                     HOST's mounts. Paths must be absolute and free of quotes.
#   counters          Print per host the bytes and packets it sent and received on its link since
#                     it was made: "host=H sent_bytes=.. received_bytes=.. sent_packets=..
#                     received_packets=..". Compare two readings around a run: this is what
#                     crossed the network, Open MPI's headers, TCP and the launch included.
#   transport PROGRAM [ARGS...]
#                     Run PROGRAM on one rank per host with Open MPI's BTL selection logged and
#                     print, for every pair of ranks, "from=HOST to=HOST btl=NAME", then the
#                     counters' increase ("link host=H sent_bytes=.."). Exit 1 if two ranks on
#                     different hosts used anything but tcp. PROGRAM must talk between all ranks
#                     (e.g. cost_mpi --algorithm pagerank --graph FILE).
#
# Options (or COST_CLUSTER_NAME, COST_CLUSTER_SUBNET, COST_CLUSTER_SLOTS): NAME names the
# namespaces, links and state (lower-case letters and digits, at most 8; default "cost"); the
# hosts live on A.B.C.0/24 (default 10.77.0; the head has .1, host I has .I+1); K is each host's
# slots in the hostfile (default 1, so that mpirun -np N puts one rank on each of N hosts).
#
# How it is built, and why:
#   - The head is the machine's own (root) network namespace: it holds a bridge NAME-br with
#     address A.B.C.1, and each host a veth pair to it. mpirun, `cost run` and the harness run
#     unchanged where they are, as on a cluster's head node, with only the cluster interface
#     named in the MCA settings; no command needs wrapping into a namespace.
#   - Each host has a persistent UTS namespace (bind-mounted at STATE/uts/HOST) holding its
#     hostname, so every process started on it, at any time, sees the same name.
#   - mpirun reaches the hosts through Open MPI's plm_rsh_agent set to STATE/launch, a launcher
#     called as ssh would be: it enters the host's namespaces and runs the orted with the
#     environment a login shell on a node has (PATH, HOME, LD_LIBRARY_PATH, TMPDIR, sanitizer
#     options), not mpirun's. Open MPI passes its settings on the orted's command line and
#     starts ranks in mpirun's working folder, as over ssh; other variables reach a rank only
#     with mpirun -x. No sshd (no keys, no daemons to stop), and the path is the same as ssh's.
#   - Ranks talk over TCP only: pml ob1 (UCX would bypass the BTL choice), btl tcp,self,
#     interfaces restricted to the subnet, IPv6 off in the hosts. Binding is off: the hosts
#     share this machine's cores, and each host's orted would bind its first rank to core 0.
#     The launcher sets OMP_WAIT_POLICY=passive for the same reason: spinning OpenMP threads of
#     one host would take the cores another host's ranks need.
#   - Traffic between hosts is bridged: a firewall policy that drops bridged (FORWARD) traffic
#     in the root namespace stops rank-to-rank connections; `transport` shows it.
set -euo pipefail

readonly kStateRoot=/run/cost-cluster
name="${COST_CLUSTER_NAME:-cost}"
subnet="${COST_CLUSTER_SUBNET:-10.77.0}"
slots="${COST_CLUSTER_SLOTS:-1}"

die() {
  echo "test-cluster.sh: error: $*" >&2
  exit 2
}

usage() {
  sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'
}

while (($#)); do
  case "$1" in
    --name) name="${2:?--name needs a value}"; shift 2 ;;
    --subnet) subnet="${2:?--subnet needs a value}"; shift 2 ;;
    --slots) slots="${2:?--slots needs a value}"; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    *) break ;;
  esac
done
(($#)) || { usage >&2; exit 2; }
[[ $name =~ ^[a-z][a-z0-9]{0,7}$ ]] ||
  die "--name '$name': lower-case letters and digits, at most 8"
[[ $subnet =~ ^([0-9]{1,3})\.([0-9]{1,3})\.([0-9]{1,3})$ ]] || die "--subnet '$subnet': A.B.C"
[[ $slots =~ ^[1-9][0-9]{0,3}$ ]] || die "--slots '$slots': a positive count"

readonly state="$kStateRoot/$name"
readonly bridge="$name-br"
readonly cidr="$subnet.0/24"

require_root() {
  [[ $(id -u) -eq 0 ]] || die "must run as root (network namespaces, links, mounts)"
  local tool
  for tool in ip tc unshare nsenter flock; do
    command -v "$tool" >/dev/null || die "'$tool' not found (packages iproute2, util-linux)"
  done
}

# Serialises the commands that change the cluster (fd 9 stays open until the script exits).
lock() {
  mkdir -p "$kStateRoot"
  exec 9>"$kStateRoot/$name.lock"
  flock -w 120 9 || die "another test-cluster.sh holds $kStateRoot/$name.lock"
}

recorded_hosts() { [[ -r $state/hosts ]] && cat "$state/hosts"; }

host_address() { echo "$subnet.$((${1##*-h} + 1))"; }

# True when the recorded cluster exists completely: bridge, namespaces, links, hostnames.
healthy() {
  [[ -r $state/hosts && -x $state/launch && -r $state/hostfile ]] || return 1
  ip link show "$bridge" up >/dev/null 2>&1 || return 1
  local host
  for host in $(recorded_hosts); do
    [[ -e /run/netns/$host ]] || return 1
    ip link show "$host" up >/dev/null 2>&1 || return 1
    [[ $(nsenter --uts="$state/uts/$host" hostname 2>/dev/null) == "$host" ]] || return 1
  done
}

teardown() {
  local ns pid file
  for ns in $(ip netns list 2>/dev/null | awk '{print $1}' | grep -E "^$name-h[0-9]+$" || true); do
    # Ranks or orteds a failed job left behind would keep the namespace alive.
    for pid in $(ip netns pids "$ns" 2>/dev/null || true); do
      kill -KILL "$pid" 2>/dev/null || true
    done
    ip netns del "$ns" 2>/dev/null || true
  done
  ip link del "$bridge" 2>/dev/null || true
  if [[ -d $state/uts ]]; then
    for file in "$state"/uts/*; do
      [[ -e $file ]] || continue
      umount "$file" 2>/dev/null || true
    done
  fi
  rm -rf "$state"
}

write_launcher() {
  cat >"$state/launch" <<EOF
#!/usr/bin/env bash
# Open MPI's plm_rsh_agent for test cluster "$name" (written by test-cluster.sh up): called as
# ssh is, \`launch [OPTIONS] HOST COMMAND...\`, it runs COMMAND with HOST's network and hostname
# and a login environment, not the caller's (see test-cluster.sh --help).
set -euo pipefail
while [[ \${1:-} == -* ]]; do shift; done
host="\${1:?launch: no host}"
shift
uts="$state/uts/\$host"
if [[ ! -e \$uts || ! -e /run/netns/\$host ]]; then
  echo "launch: '\$host' is not a host of test cluster $name" >&2
  exit 255
fi
# The host's own mounts (test-cluster.sh mount), made inside the mount namespace that
# ip netns exec gives the command, so that no other host sees them.
mounts=""
if [[ -r $state/mounts/\$host ]]; then
  while read -r source target; do
    mounts+="mount --bind '\$source' '\$target' && "
  done <"$state/mounts/\$host"
fi
keep=(PATH="\$PATH" HOME="\${HOME:-/root}" OMP_WAIT_POLICY=passive)
for var in LD_LIBRARY_PATH TMPDIR ASAN_OPTIONS LSAN_OPTIONS UBSAN_OPTIONS TSAN_OPTIONS; do
  if [[ -n \${!var:-} ]]; then keep+=("\$var=\${!var}"); fi
done
exec ip netns exec "\$host" nsenter --uts="\$uts" -- env -i "\${keep[@]}" /bin/sh -c "\$mounts\$*"
EOF
  chmod 755 "$state/launch"
}

write_env() {
  cat >"$state/env" <<EOF
# Open MPI settings for test cluster "$name": source this file, then
#   mpirun --hostfile $state/hostfile ...   or   cost run ... --procs P --hostfile $state/hostfile
export OMPI_MCA_plm_rsh_agent=$state/launch
export OMPI_MCA_plm_rsh_no_tree_spawn=1
export OMPI_MCA_pml=ob1
export OMPI_MCA_btl=tcp,self
export OMPI_MCA_btl_tcp_if_include=$cidr
export OMPI_MCA_oob_tcp_if_include=$cidr
export OMPI_MCA_btl_tcp_disable_family=6
export OMPI_MCA_hwloc_base_binding_policy=none
# As root (CI), mpirun refuses to start without these.
export OMPI_ALLOW_RUN_AS_ROOT=1
export OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
EOF
}

make_host() {
  local host="$1"
  ip netns add "$host"
  ip link add "$host" type veth peer name eth0 netns "$host"
  ip link set "$host" master "$bridge" up
  ip netns exec "$host" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 \
    net.ipv6.conf.default.disable_ipv6=1 net.ipv6.conf.eth0.disable_ipv6=1
  ip -n "$host" addr add "$(host_address "$host")/24" dev eth0
  ip -n "$host" link set lo up
  ip -n "$host" link set eth0 up
  touch "$state/uts/$host"
  unshare --uts="$state/uts/$host" hostname "$host"
}

# mpirun starts a process on every host, through the launcher and the cluster interface. Only
# the marked lines count: Open MPI may warn on the same output (plm:rsh's setpgid race with a
# launcher that execs at once is harmless).
check_launch() {
  command -v mpirun >/dev/null || die "mpirun not found (package openmpi-bin)"
  local want got output
  want="$(recorded_hosts | sort)"
  # --map-by node: one process per host even when each host has more slots than one.
  output="$(set -a; source "$state/env"; timeout 60 mpirun -np "$(recorded_hosts | wc -l)" \
    --map-by node --hostfile "$state/hostfile" sh -c 'echo "started-on=$(hostname)"' 2>&1)" || true
  got="$(echo "$output" | sed -n 's/^started-on=//p' | sort)"
  [[ $got == "$want" ]] || die "mpirun could not start a process on every host; it printed:
$output"
}

building=0
on_exit() {
  local status=$?
  if ((building)); then
    echo "test-cluster.sh: up failed (status $status); tearing down what was made" >&2
    teardown
  fi
  exit "$status"
}

cmd_up() {
  local n="${1:-}"
  [[ $n =~ ^[1-9][0-9]{0,2}$ ]] && ((n <= 250)) || die "up N: N from 1 to 250, not '$n'"
  require_root
  lock
  local want
  want="$(for ((i = 1; i <= n; ++i)); do echo "$name-h$i"; done)"
  if healthy && [[ $(recorded_hosts) == "$want" &&
    $(cat "$state/subnet" 2>/dev/null) == "$subnet" &&
    $(cat "$state/slots" 2>/dev/null) == "$slots" ]]; then
    echo "test-cluster.sh: cluster $name is already up with $n host(s)"
    return 0
  fi
  teardown
  building=1
  trap on_exit EXIT
  trap 'exit 130' INT TERM
  mkdir -p "$state/uts"
  echo "$subnet" >"$state/subnet"
  echo "$slots" >"$state/slots"
  echo "$want" >"$state/hosts"
  ip link add "$bridge" type bridge
  ip addr add "$subnet.1/24" dev "$bridge"
  ip link set "$bridge" up
  local host
  for host in $want; do make_host "$host"; done
  for host in $want; do echo "$host slots=$slots"; done >"$state/hostfile"
  write_launcher
  write_env
  check_launch
  building=0
  echo "test-cluster.sh: cluster $name is up: $n host(s) on $cidr; hostfile $state/hostfile"
}

cmd_down() {
  require_root
  lock
  teardown
}

cmd_status() {
  if ! healthy; then
    echo "cluster=$name state=down"
    return 1
  fi
  echo "cluster=$name state=up hosts=$(recorded_hosts | wc -l) subnet=$cidr" \
    "slots=$(cat "$state/slots")" \
    "hostfile=$state/hostfile env=$state/env rate=$(cat "$state/rate" 2>/dev/null || echo none)"
  local host
  for host in $(recorded_hosts); do
    echo "host=$host address=$(host_address "$host") link=$host"
  done
}

require_up() { healthy || die "cluster $name is not up (test-cluster.sh --name $name up N)"; }

cmd_exec() {
  require_root
  require_up
  local host="${1:?exec HOST CMD...}"
  shift
  (($#)) || die "exec $host: no command"
  grep -qx "$host" "$state/hosts" || die "'$host' is not a host of cluster $name"
  exec ip netns exec "$host" nsenter --uts="$state/uts/$host" -- "$@"
}

cmd_throttle() {
  require_root
  require_up
  lock
  local rate="${1:?throttle RATE [BURST] | throttle off}" burst="${2:-64kb}" host
  for host in $(recorded_hosts); do
    if [[ $rate == off ]]; then
      tc qdisc del dev "$host" root 2>/dev/null || true
      ip netns exec "$host" tc qdisc del dev eth0 root 2>/dev/null || true
    else
      # Root side: what reaches the host; inside: what the host sends.
      tc qdisc replace dev "$host" root tbf rate "$rate" burst "$burst" latency 100ms
      ip netns exec "$host" tc qdisc replace dev eth0 root tbf rate "$rate" burst "$burst" \
        latency 100ms
    fi
  done
  if [[ $rate == off ]]; then rm -f "$state/rate"; else echo "$rate" >"$state/rate"; fi
}

cmd_mount() {
  require_root
  require_up
  lock
  local host="${1:?mount HOST SOURCE TARGET | mount HOST off}" source="${2:-}" target="${3:-}"
  grep -qx "$host" "$state/hosts" || die "'$host' is not a host of cluster $name"
  if [[ $source == off ]]; then
    rm -f "$state/mounts/$host"
    return 0
  fi
  [[ $source == /* && $target == /* ]] || die "mount $host: SOURCE and TARGET must be absolute"
  [[ $source$target != *[\'\"[:space:]]* ]] || die "mount $host: no quotes or spaces in paths"
  [[ -e $source && -e $target ]] || die "mount $host: '$source' or '$target' does not exist"
  mkdir -p "$state/mounts"
  echo "$source $target" >>"$state/mounts/$host"
}

cmd_counters() {
  require_up
  local host stats
  for host in $(recorded_hosts); do
    # The root-side end of the pair receives what the host sends.
    stats=/sys/class/net/$host/statistics
    echo "host=$host sent_bytes=$(<"$stats/rx_bytes") received_bytes=$(<"$stats/tx_bytes")" \
      "sent_packets=$(<"$stats/rx_packets") received_packets=$(<"$stats/tx_packets")"
  done
}

# "host=H sent_bytes=S ..." lines of `before` and `after`: the increase of each host's counters.
counter_increase() {
  local before="$1" after="$2"
  awk 'NR == FNR { for (i = 2; i <= NF; ++i) { split($i, kv, "="); was[$1, kv[1]] = kv[2] } next }
       { line = "link " $1
         for (i = 2; i <= NF; ++i) {
           split($i, kv, "="); line = line " " kv[1] "=" kv[2] - was[$1, kv[1]]
         }
         print line }' <(echo "$before") <(echo "$after")
}

cmd_transport() {
  require_root
  require_up
  (($#)) || die "transport PROGRAM [ARGS...]"
  local before after status=0
  log="$(mktemp)"  # global: the EXIT trap removes it after this function has returned
  trap 'rm -f "$log"' EXIT
  before="$(cmd_counters)"
  (set -a; source "$state/env"; timeout 120 mpirun -np "$(recorded_hosts | wc -l)" \
    --map-by node --hostfile "$state/hostfile" --mca btl_base_verbose 100 "$@") >"$log" 2>&1 ||
    status=$?
  after="$(cmd_counters)"
  ((status == 0)) || { tail -20 "$log" >&2; die "the job failed (status $status)"; }
  # "[HOST:PID] mca: bml: Using BTL btl for send to [[JOB,1],RANK] on node PEER"
  local pairs
  local bml='^\[([^:]+):[0-9]+\] mca: bml: Using ([a-z0-9]+) btl for send to .* on node ([^ ]+)$'
  pairs="$(sed -nE "s/$bml/from=\\1 to=\\3 btl=\\2/p" "$log" | sort -u)"
  [[ -n $pairs ]] || die "Open MPI logged no BTL selection (is PROGRAM an MPI program?)"
  echo "$pairs"
  counter_increase "$before" "$after"
  if echo "$pairs" | awk '{ split($1, f, "="); split($2, t, "=")
                            if (f[2] != t[2] && $3 != "btl=tcp") bad = 1 }
                          END { exit !bad }'; then
    echo "test-cluster.sh: ranks on different hosts used a transport other than tcp" >&2
    return 1
  fi
}

command="$1"
shift
case "$command" in
  up) cmd_up "$@" ;;
  down) cmd_down ;;
  status) cmd_status ;;
  exec) cmd_exec "$@" ;;
  hostfile) require_up; echo "$state/hostfile" ;;
  env) require_up; cat "$state/env" ;;
  throttle) cmd_throttle "$@" ;;
  mount) cmd_mount "$@" ;;
  counters) cmd_counters ;;
  transport) cmd_transport "$@" ;;
  *) die "unknown command '$command' (see --help)" ;;
esac

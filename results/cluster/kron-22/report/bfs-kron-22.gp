# bfs on kron-22: median seconds vs cores, log-log; dashed lines are single-threaded medians.
# Written by cost report. Redraw with: gnuplot bfs-kron-22.gp

set title 'bfs on kron-22'
set xlabel 'cores (threads x processes)'
set ylabel 'seconds (median; bars: min to max)'
set logscale x 2
set logscale y 10
set xrange [0.666667:6]
set xtics (1, 2, 4)
set autoscale yfix
set offsets 0, 0, graph 0.08, graph 0.08
set ytics (0.1, 0.2, 0.5, 1)
set format y '%g'
set grid xtics ytics lc rgb '#dddddd'
set key below center maxcols 1 box
set bmargin 8
set bars small
baseline_1 = 0.089977615  # serial:bfs-direction-optimizing
set label 1 'serial:bfs-direction-optimizing 0.0900 s' at graph 0.98, first baseline_1 right offset 0,0.6 front textcolor rgb '#222222'
baseline_2 = 0.951410603  # serial:bfs
set label 2 'serial:bfs 0.951 s' at graph 0.98, first baseline_2 right offset 0,0.6 front textcolor rgb '#888888'

set terminal svg size 800,500 font 'DejaVu Sans,11' background '#ffffff' noenhanced
set output 'bfs-kron-22.svg'
plot 'bfs-kron-22.dat' index 0 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title 'mpi:bfs (bfs-level-synchronous)', \
     baseline_1 with lines dt 2 lw 2 lc rgb '#222222' title 'serial:bfs-direction-optimizing, 1 thread', \
     baseline_2 with lines dt 3 lw 2 lc rgb '#888888' title 'serial:bfs (bfs-queue), 1 thread'

set terminal pngcairo size 800,500 font 'DejaVu Sans,10' background '#ffffff' noenhanced
set output 'bfs-kron-22.png'
replot
unset output

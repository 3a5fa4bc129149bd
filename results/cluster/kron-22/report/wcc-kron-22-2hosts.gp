# wcc on kron-22-2hosts: median seconds vs cores, log-log; dashed lines are single-threaded medians.
# Written by cost report. Redraw with: gnuplot wcc-kron-22-2hosts.gp

set title 'wcc on kron-22-2hosts'
set xlabel 'cores (threads x processes)'
set ylabel 'seconds (median; bars: min to max)'
set logscale x 2
set logscale y 10
set xrange [0.666667:6]
set xtics (1, 2, 4)
set autoscale yfix
set offsets 0, 0, graph 0.08, graph 0.08
set ytics (0.1, 0.2, 0.5, 1, 2)
set format y '%g'
set grid xtics ytics lc rgb '#dddddd'
set key below center maxcols 1 box
set bmargin 9
set bars small
baseline_1 = 0.128571962  # serial:afforest
set label 1 'serial:afforest 0.129 s' at graph 0.98, first baseline_1 right offset 0,0.6 front textcolor rgb '#222222'
baseline_2 = 0.865643753  # serial:union-find
set label 2 'serial:union-find 0.866 s' at graph 0.98, first baseline_2 right offset 0,0.6 front textcolor rgb '#888888'

set terminal svg size 800,500 font 'DejaVu Sans,11' background '#ffffff' noenhanced
set output 'wcc-kron-22-2hosts.svg'
plot 'wcc-kron-22-2hosts.dat' index 0 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title 'mpi:label-propagation', \
     'wcc-kron-22-2hosts.dat' index 1 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title 'mpi:union-find', \
     baseline_1 with lines dt 2 lw 2 lc rgb '#222222' title 'serial:afforest (union-find-afforest), 1 thread', \
     baseline_2 with lines dt 3 lw 2 lc rgb '#888888' title 'serial:union-find, 1 thread'

set terminal pngcairo size 800,500 font 'DejaVu Sans,10' background '#ffffff' noenhanced
set output 'wcc-kron-22-2hosts.png'
replot
unset output

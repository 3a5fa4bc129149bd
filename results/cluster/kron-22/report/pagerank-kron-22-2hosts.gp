# pagerank on kron-22-2hosts: median seconds vs cores, log-log; dashed lines are single-threaded medians.
# Written by cost report. Redraw with: gnuplot pagerank-kron-22-2hosts.gp

set title 'pagerank on kron-22-2hosts'
set xlabel 'cores (threads x processes)'
set ylabel 'seconds (median; bars: min to max)'
set logscale x 2
set logscale y 10
set xrange [0.666667:6]
set xtics (1, 2, 4)
set autoscale yfix
set offsets 0, 0, graph 0.08, graph 0.08
set ytics (1, 2, 5, 10, 20, 50)
set format y '%g'
set grid xtics ytics lc rgb '#dddddd'
set key below center maxcols 1 box
set bmargin 9
set bars small
baseline_1 = 2.94109109  # serial:pagerank
set label 1 'serial:pagerank 2.94 s' at graph 0.98, first baseline_1 right offset 0,0.6 front textcolor rgb '#222222'

set terminal svg size 800,500 font 'DejaVu Sans,11' background '#ffffff' noenhanced
set output 'pagerank-kron-22-2hosts.svg'
plot 'pagerank-kron-22-2hosts.dat' index 0 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title 'mpi:pagerank (pagerank-push)', \
     'pagerank-kron-22-2hosts.dat' index 1 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title 'pbgl:pagerank (pagerank-push)', \
     'pagerank-kron-22-2hosts.dat' index 2 using 1:2 with points pt 6 ps 2.5 lw 2 lc rgb 'black' title 'COST point', \
     baseline_1 with lines dt 2 lw 2 lc rgb '#222222' title 'serial:pagerank (pagerank-pull), 1 thread'

set terminal pngcairo size 800,500 font 'DejaVu Sans,10' background '#ffffff' noenhanced
set output 'pagerank-kron-22-2hosts.png'
replot
unset output

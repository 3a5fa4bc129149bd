# pagerank on kron-22: median seconds vs cores, log-log; dashed lines are single-threaded medians.
# Written by cost report. Redraw with: gnuplot pagerank-kron-22.gp

set title 'pagerank on kron-22'
set xlabel 'cores (threads x processes)'
set ylabel 'seconds (median; bars: min to max)'
set logscale x 2
set logscale y 10
set xrange [0.666667:3]
set xtics (1, 2)
set autoscale yfix
set offsets 0, 0, graph 0.08, graph 0.08
set ytics (5, 10, 20, 50)
set format y '%g'
set grid xtics ytics lc rgb '#dddddd'
set key below center maxcols 1 box
set bmargin 15
set bars small
baseline_1 = 3.96185863  # serial:pagerank-hilbert-float
set label 1 'serial:pagerank-hilbert-float 3.96 s' at graph 0.98, first baseline_1 right offset 0,0.6 front textcolor rgb '#222222'
baseline_2 = 6.10454333  # serial:pagerank-hilbert
set label 2 'serial:pagerank-hilbert 6.10 s' at graph 0.98, first baseline_2 right offset 0,0.6 front textcolor rgb '#888888'
baseline_3 = 11.7510636  # serial:pagerank
set label 3 'serial:pagerank 11.8 s' at graph 0.98, first baseline_3 right offset 0,0.6 front textcolor rgb '#aa5500'
baseline_4 = 16.858863  # igraph:pagerank
set label 4 'igraph:pagerank 16.9 s' at graph 0.98, first baseline_4 right offset 0,0.6 front textcolor rgb '#0055aa'

set terminal svg size 800,500 font 'DejaVu Sans,11' background '#ffffff' noenhanced
set output 'pagerank-kron-22.svg'
plot 'pagerank-kron-22.dat' index 0 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title 'gapbs:pr (pagerank-pull-float)', \
     'pagerank-kron-22.dat' index 1 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title 'gbbs:pagerank (pagerank-edgemapreduce)', \
     'pagerank-kron-22.dat' index 2 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title 'ligra:pagerank (pagerank-push)', \
     'pagerank-kron-22.dat' index 3 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title 'openmp:pagerank (pagerank-pull)', \
     'pagerank-kron-22.dat' index 4 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title 'openmp:pagerank-hilbert (pagerank-push)', \
     'pagerank-kron-22.dat' index 5 using 1:2 with points pt 6 ps 2.5 lw 2 lc rgb 'black' title 'COST point', \
     baseline_1 with lines dt 2 lw 2 lc rgb '#222222' title 'serial:pagerank-hilbert-float (pagerank-push), 1 thread', \
     baseline_2 with lines dt 3 lw 2 lc rgb '#888888' title 'serial:pagerank-hilbert (pagerank-push), 1 thread', \
     baseline_3 with lines dt 4 lw 2 lc rgb '#aa5500' title 'serial:pagerank (pagerank-pull), 1 thread', \
     baseline_4 with lines dt 5 lw 2 lc rgb '#0055aa' title 'igraph:pagerank (pagerank-spmv), 1 thread'

set terminal pngcairo size 800,500 font 'DejaVu Sans,10' background '#ffffff' noenhanced
set output 'pagerank-kron-22.png'
replot
unset output

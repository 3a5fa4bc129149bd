# wcc on twitter-like from disk: median seconds vs cores, log-log; dashed lines are single-threaded medians.
# Written by cost report. Redraw with: gnuplot wcc-twitter-like_from_disk.gp

set title 'wcc on twitter-like from disk'
set xlabel 'cores (threads x processes)'
set ylabel 'seconds (median; bars: min to max)'
set logscale x 2
set logscale y 10
set xrange [0.666667:3]
set xtics (1, 2)
set autoscale yfix
set offsets 0, 0, graph 0.08, graph 0.08
set ytics (10, 20, 50, 100)
set format y '%g'
set grid xtics ytics lc rgb '#dddddd'
set key below center maxcols 1 box
set bmargin 10
set bars small
baseline_1 = 9.70829487  # serial:afforest
set label 1 'serial:afforest 9.71 s' at graph 0.98, first baseline_1 right offset 0,0.6 front textcolor rgb '#222222'
baseline_2 = 58.539167  # serial:label-propagation
set label 2 'serial:label-propagation 58.5 s' at graph 0.98, first baseline_2 right offset 0,0.6 front textcolor rgb '#888888'

set terminal svg size 800,500 font 'DejaVu Sans,11' background '#ffffff' noenhanced
set output 'wcc-twitter-like_from_disk.svg'
plot 'wcc-twitter-like_from_disk.dat' index 0 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title 'openmp:afforest (union-find-afforest)', \
     'wcc-twitter-like_from_disk.dat' index 1 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title 'openmp:label-propagation', \
     'wcc-twitter-like_from_disk.dat' index 2 using 1:2 with points pt 6 ps 2.5 lw 2 lc rgb 'black' title 'COST point', \
     baseline_1 with lines dt 2 lw 2 lc rgb '#222222' title 'serial:afforest (union-find-afforest), 1 thread', \
     baseline_2 with lines dt 3 lw 2 lc rgb '#888888' title 'serial:label-propagation, 1 thread'

set terminal pngcairo size 800,500 font 'DejaVu Sans,10' background '#ffffff' noenhanced
set output 'wcc-twitter-like_from_disk.png'
replot
unset output
